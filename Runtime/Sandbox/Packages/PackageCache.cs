using System.Text.Json;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// The package cache on disk: <c>npm/&lt;name&gt;/&lt;version&gt;/package/</c> holds a version's files and
/// <c>npm/&lt;name&gt;/&lt;version&gt;/installed.json</c> its <see cref="InstalledPackage"/>. A version is
/// unpacked into a staging folder and renamed into place in one step, so readers (the host and every
/// worker process share the cache) see a complete package or none; a race to install the same
/// version ends with one copy.
/// </summary>
internal sealed class PackageCache(string root)
{
    private const string Marker = "installed.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Root => root;

    /// <summary>The installed version, or null when it is not in the cache.</summary>
    public InstalledPackage? TryRead(PackageKey key)
    {
        var directory = VersionDirectory(key);
        var marker = Path.Combine(directory, Marker);
        if (!File.Exists(marker)) return null;
        var package = JsonSerializer.Deserialize<InstalledPackage>(File.ReadAllText(marker), Json);
        return package is null || package.Key != key ? null : package with { Directory = Path.Combine(directory, "package") };
    }

    /// <summary>A new, empty staging folder on the cache's own file system (so the final rename is atomic).</summary>
    public string CreateStaging()
    {
        var staging = Path.Combine(root, ".staging", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>Moves a staged package (its files under <c>package/</c>) into place; returns the copy that won.</summary>
    public InstalledPackage Commit(string staging, InstalledPackage package)
    {
        File.WriteAllText(Path.Combine(staging, Marker), JsonSerializer.Serialize(package, Json));
        var target = VersionDirectory(package.Key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            Directory.Move(staging, target);
        }
        catch (IOException) when (Directory.Exists(target))
        {
            Discard(staging);
        }
        return TryRead(package.Key) ?? throw new IOException($"The package cache lost '{package.Key}' while installing it.");
    }

    public static void Discard(string staging)
    {
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
    }

    // Both parts were checked by PackageKey, so neither can leave the cache.
    private string VersionDirectory(PackageKey key) => Path.Combine(root, key.Name, key.Version);
}
