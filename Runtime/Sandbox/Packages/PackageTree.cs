using System.Text.Json;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>The packages one Action version may require: the names it declares and everything they depend on, all installed.</summary>
/// <param name="declared">Each declared name → the <c>name@version</c> key it was installed as.</param>
/// <param name="packages">Every package of the tree by key.</param>
internal sealed class PackageTree(IReadOnlyDictionary<string, string> declared, IReadOnlyDictionary<string, InstalledPackage> packages)
{
    public IReadOnlyDictionary<string, string> Declared => declared;

    public IReadOnlyDictionary<string, InstalledPackage> Packages => packages;

    /// <summary>
    /// What the loader inside V8 (modules.js) resolves requires against: every package's loadable
    /// files with their sizes, its package.json scopes, exports, imports and resolved dependencies.
    /// </summary>
    public string ManifestJson(long maxSourceBytes) => JsonSerializer.Serialize(new
    {
        root = declared,
        limit = maxSourceBytes,
        packages = packages.ToDictionary(p => p.Key, p => new
        {
            name = p.Value.Name,
            version = p.Value.Version,
            dependencies = p.Value.Dependencies,
            files = p.Value.Files,
            scopes = p.Value.Scopes,
            exports = p.Value.Exports,
            imports = p.Value.Imports,
        }),
    }, JsonSerializerOptions.Web);

    /// <summary>The full path of one of a package's loadable files; null for anything else, so the loader can read nothing but package files.</summary>
    public string? FilePath(string key, string path) =>
        packages.TryGetValue(key, out var package) && package.Files.ContainsKey(path) ? Path.Combine(package.Directory, path) : null;
}
