using System.Text.RegularExpressions;
using Flowgate.Runtime.Sandbox.Packages;

namespace Flowgate.Runtime.Actions;

/// <summary>
/// Pins an Action's npm dependencies to exact versions at save, as Auth0 does: a blank version
/// becomes the registry's <c>latest</c>; an explicit version must exist (a range pins its highest
/// match). The pinned tree is installed at once, so a package an Action could not load (a native
/// add-on, a damaged tarball) is refused when it is added, not when the Action is deployed.
/// </summary>
public sealed partial class DependencyPinner(PackageInstaller packages)
{
    /// <summary>Returns name → exact version; refuses unknown packages or versions with the reason.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PinAsync(IReadOnlyList<DependencyInput> dependencies, CancellationToken cancellationToken)
    {
        var pinned = new Dictionary<string, string>();
        try
        {
            foreach (var dependency in dependencies)
            {
                if (!PackageName().IsMatch(dependency.Name))
                    throw new OperationRejectedException(RejectionKind.Invalid, $"'{dependency.Name}' is not a valid npm package name.");
                if (!pinned.TryAdd(dependency.Name, await PinAsync(dependency, cancellationToken)))
                    throw new OperationRejectedException(RejectionKind.Invalid, $"The dependency '{dependency.Name}' is listed twice.");
            }
            if (pinned.Count > 0)
                await packages.InstallAsync([.. pinned.Select(p => new Shared.Execution.ActionDependency(p.Key, p.Value))], cancellationToken);
        }
        catch (PackageException e)
        {
            throw new OperationRejectedException(RejectionKind.Invalid, e.Message);
        }
        return pinned;
    }

    private async Task<string> PinAsync(DependencyInput dependency, CancellationToken cancellationToken)
    {
        var packument = await packages.Registry.GetPackumentAsync(dependency.Name, cancellationToken);
        var version = string.IsNullOrWhiteSpace(dependency.Version) ? "latest" : dependency.Version.Trim();
        return packument.Pick(version)
            ?? throw new OperationRejectedException(RejectionKind.Invalid, $"The package '{dependency.Name}' has no version '{version}'.");
    }

    // npm's rules: lowercase, URL-safe, optionally scoped, at most 214 characters.
    [GeneratedRegex(@"^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]{0,213}$")]
    private static partial Regex PackageName();
}
