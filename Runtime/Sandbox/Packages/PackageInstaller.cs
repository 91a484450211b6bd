using System.Collections.Concurrent;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// Installs Actions' npm dependencies — each declared <c>name@version</c> and everything it depends
/// on — from the configured registry into the package cache under the data directory
/// (<c>data/npm/</c>). The host installs when a draft's dependencies are saved (so a package that
/// cannot run in an Action is refused at once); the sandbox installs before it compiles a version,
/// in whichever process it runs. Workers are given the host's data directory and registry
/// (<see cref="SandboxOptions"/>, the first frame), so they find what the host installed and need
/// the network only on a machine whose cache lacks a package.
/// </summary>
public sealed class PackageInstaller : IDisposable
{
    private readonly ConcurrentDictionary<string, Task<PackageTree>> _trees = new(StringComparer.Ordinal);
    private readonly PackageCache _cache;

    internal PackageInstaller(NpmRegistryClient registry, PackageCache cache)
    {
        Registry = registry;
        _cache = cache;
    }

    /// <summary>An installer for <paramref name="registry"/> whose cache is <c>npm/</c> under <paramref name="dataDirectory"/>.</summary>
    public static PackageInstaller Create(Uri registry, string dataDirectory) =>
        new(NpmRegistryClient.Create(registry), new PackageCache(Path.Combine(Path.GetFullPath(dataDirectory), "npm")));

    internal NpmRegistryClient Registry { get; }

    /// <summary>
    /// The installed tree of these dependencies. Concurrent calls for the same dependencies share one
    /// install; a finished tree is kept (versions are immutable), a failed one is tried again next time.
    /// </summary>
    internal async Task<PackageTree> InstallAsync(IReadOnlyList<ActionDependency> dependencies, CancellationToken cancellationToken)
    {
        var key = string.Join(' ', dependencies.Select(d => $"{d.Name}@{d.Version}").Order(StringComparer.Ordinal));
        var install = _trees.GetOrAdd(key, _ => BuildAsync(dependencies));
        try
        {
            return await install.WaitAsync(cancellationToken);
        }
        catch when (install.IsFaulted)
        {
            _trees.TryRemove(KeyValuePair.Create(key, install));
            throw;
        }
    }

    // Not tied to one caller's token: others may be waiting for the same install.
    private async Task<PackageTree> BuildAsync(IReadOnlyList<ActionDependency> dependencies)
    {
        try
        {
            return await new PackageTreeBuilder(Registry, _cache, CancellationToken.None).BuildAsync(dependencies);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw new PackageException($"The npm package cache could not be used: {e.Message}", registryUnavailable: true);
        }
    }

    public void Dispose() => Registry.Dispose();
}
