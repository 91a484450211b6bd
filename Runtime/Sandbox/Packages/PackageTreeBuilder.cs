using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// One install of an Action's dependency tree. Each package is taken from the cache when it is
/// there, with the dependency versions recorded when it was installed (so a cached tree never
/// needs the network); otherwise it is downloaded and each dependency's range is resolved against
/// the registry. A package is committed to the cache only after all its dependencies are, so the
/// cache never holds half a tree. Not thread-safe: one builder per install.
/// </summary>
internal sealed class PackageTreeBuilder(NpmRegistryClient registry, PackageCache cache, CancellationToken cancellationToken)
{
    private readonly PackageDownloader _downloader = new(registry, cache);
    private readonly Dictionary<string, Packument> _packuments = new(StringComparer.Ordinal);
    // Null while a package's dependencies are being installed: a cycle (a → b → a) stops there.
    private readonly Dictionary<PackageKey, InstalledPackage?> _packages = [];

    public async Task<PackageTree> BuildAsync(IReadOnlyList<ActionDependency> declared)
    {
        var root = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dependency in declared)
        {
            root[dependency.Name] = (await ResolveAsync(dependency.Name, dependency.Version, requiredBy: null)).ToString();
        }
        return new PackageTree(root, _packages.ToDictionary(p => p.Key.ToString(), p => p.Value!));
    }

    private async Task<PackageKey> ResolveAsync(string name, string spec, PackageKey? requiredBy)
    {
        (name, spec) = Unalias(name, spec.Trim(), requiredBy);
        if (!PackageKey.IsValidName(name)) throw new PackageException($"'{name}' is not a valid npm package name{Via(requiredBy)}.");
        if (PackageKey.IsValidVersion(spec)) return await InstallAsync(new PackageKey(name, spec), null, requiredBy);
        var packument = await PackumentAsync(name);
        var version = packument.Pick(spec) ?? throw new PackageException($"No version of '{name}' matches '{spec}'{Via(requiredBy)}.");
        return await InstallAsync(new PackageKey(name, version), packument, requiredBy);
    }

    private async Task<PackageKey> InstallAsync(PackageKey key, Packument? packument, PackageKey? requiredBy)
    {
        if (!PackageKey.IsValidVersion(key.Version)) throw new PackageException($"'{key}' is not a valid package version{Via(requiredBy)}.");
        if (_packages.ContainsKey(key)) return key;
        if (_packages.Count >= PackageLimits.MaxPackages) throw new PackageException($"The Action's dependencies need more than {PackageLimits.MaxPackages} packages.");
        _packages[key] = null;
        var installed = cache.TryRead(key);
        if (installed is not null)
        {
            foreach (var dependency in installed.Dependencies.Values)
            {
                await InstallAsync(PackageKey.Parse(dependency), null, key);
            }
        }
        else
        {
            packument ??= await PackumentAsync(key.Name);
            var (staging, package, specs) = await _downloader.FetchAsync(packument, key, requiredBy, cancellationToken);
            try
            {
                var dependencies = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, spec) in specs)
                {
                    dependencies[name] = (await ResolveAsync(name, spec, key)).ToString();
                }
                installed = cache.Commit(staging, package with { Dependencies = dependencies });
            }
            finally
            {
                PackageCache.Discard(staging);
            }
        }
        _packages[key] = installed;
        return key;
    }

    private async Task<Packument> PackumentAsync(string name)
    {
        if (!_packuments.TryGetValue(name, out var packument))
        {
            packument = await registry.GetPackumentAsync(name, cancellationToken);
            _packuments[name] = packument;
        }
        return packument;
    }

    // "npm:real-name@range" installs real-name under the alias; git, file, URL and workspace specs have no registry version.
    private static (string Name, string Spec) Unalias(string name, string spec, PackageKey? requiredBy)
    {
        if (spec.StartsWith("npm:", StringComparison.Ordinal))
        {
            var target = spec[4..];
            var at = target.LastIndexOf('@');
            return at > 0 ? (target[..at], target[(at + 1)..]) : (target, "latest");
        }
        if (spec.Contains(':') || spec.Contains('/'))
        {
            throw new PackageException($"'{name}'{Via(requiredBy)} is not an npm registry version ('{spec}'); Actions install packages from the npm registry only.");
        }
        return (name, spec);
    }

    private static string Via(PackageKey? requiredBy) => requiredBy is { } parent ? $" (a dependency of {parent})" : "";
}
