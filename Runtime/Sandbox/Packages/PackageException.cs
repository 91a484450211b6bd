namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>A dependency that cannot be installed, with a message the Action's author can act on.</summary>
/// <param name="message">Shown to the author as is: it names the package and the reason, never the registry's address (it may carry credentials).</param>
/// <param name="registryUnavailable">True when the registry could not be reached (try again later), not when the package was refused.</param>
internal sealed class PackageException(string message, bool registryUnavailable = false) : Exception(message)
{
    public bool RegistryUnavailable { get; } = registryUnavailable;
}
