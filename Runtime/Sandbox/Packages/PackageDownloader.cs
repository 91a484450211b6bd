using System.Text.Json;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// Fetches one package version into a staging folder: download, integrity check, unpack, native
/// add-on check, and a description of its files and package.json scopes. Its dependencies are
/// the caller's to resolve; the staging folder is the caller's to commit or discard.
/// </summary>
internal sealed class PackageDownloader(NpmRegistryClient registry, PackageCache cache)
{
    private static readonly string[] Loadable = [".js", ".cjs", ".mjs", ".json"];

    /// <summary>The staged package (files under <c>Staging/package/</c>) and its dependencies as written: name → spec.</summary>
    public async Task<(string Staging, InstalledPackage Package, IReadOnlyList<KeyValuePair<string, string>> Dependencies)> FetchAsync(
        Packument packument, PackageKey key, PackageKey? requiredBy, CancellationToken cancellationToken)
    {
        var dist = packument.Dist(key.Version);
        var tarball = await registry.GetTarballAsync(dist, key, cancellationToken);
        PackageIntegrity.Verify(tarball, dist, key);
        var staging = cache.CreateStaging();
        try
        {
            var directory = Path.Combine(staging, "package");
            var files = PackageTarball.Extract(tarball, directory, key);
            var manifest = files.ContainsKey("package.json") && ReadJson(Path.Combine(directory, "package.json")) is { ValueKind: JsonValueKind.Object } root
                ? root
                : throw new PackageException($"The package '{key}' has no readable package.json; it was not installed.");
            NativeAddonCheck.Refuse(manifest, files.Keys, key, requiredBy);
            var package = new InstalledPackage
            {
                Name = key.Name,
                Version = key.Version,
                Files = files.Where(f => Loadable.Any(e => f.Key.EndsWith(e, StringComparison.Ordinal))).ToDictionary(),
                Scopes = Scopes(directory, files.Keys),
                Exports = manifest.TryGetProperty("exports", out var exports) ? exports : null,
                Imports = manifest.TryGetProperty("imports", out var imports) ? imports : null,
            };
            return (staging, package, DependencySpecs(manifest));
        }
        catch
        {
            PackageCache.Discard(staging);
            throw;
        }
    }

    // Optional dependencies are skipped: they are mostly platform binaries, and code that uses
    // them guards its require. Peer dependencies resolve to what the Action itself declares.
    private static List<KeyValuePair<string, string>> DependencySpecs(JsonElement manifest)
    {
        var optional = manifest.TryGetProperty("optionalDependencies", out var o) && o.ValueKind == JsonValueKind.Object
            ? o.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
        return manifest.TryGetProperty("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object
            ? dependencies.EnumerateObject()
                .Where(d => d.Value.ValueKind == JsonValueKind.String && !optional.Contains(d.Name))
                .Select(d => KeyValuePair.Create(d.Name, d.Value.GetString()!)).ToList()
            : [];
    }

    // Every package.json decides, for the folder it is in, what `require('./folder')` loads and whether .js files are ES modules.
    private static Dictionary<string, PackageScope> Scopes(string directory, IEnumerable<string> files)
    {
        var scopes = new Dictionary<string, PackageScope>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f == "package.json" || f.EndsWith("/package.json", StringComparison.Ordinal)))
        {
            if (ReadJson(Path.Combine(directory, file)) is { ValueKind: JsonValueKind.Object } json)
            {
                scopes[file.Length == "package.json".Length ? "" : file[..^"/package.json".Length]] = new PackageScope(Text(json, "main"), Text(json, "type"), Text(json, "browser"));
            }
        }
        return scopes;
    }

    private static JsonElement? ReadJson(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path).AsMemory();
            using var document = JsonDocument.Parse(bytes.Span.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
