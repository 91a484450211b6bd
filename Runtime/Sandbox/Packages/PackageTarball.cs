using System.IO.Compression;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// Unpacks a verified npm tarball (.tgz) into a directory, refusing what could escape it or fill
/// the disk: entries that climb out (<c>../</c>, absolute paths), and more than
/// <see cref="PackageLimits.MaxUnpackedBytes"/> or <see cref="PackageLimits.MaxFiles"/> files. Links,
/// devices and bundled <c>node_modules</c> are skipped, as npm skips links: nothing but regular files is written.
/// </summary>
internal static class PackageTarball
{
    /// <summary>Writes the package's files under <paramref name="target"/>; returns each file's path (with <c>/</c>) and size.</summary>
    public static IReadOnlyDictionary<string, long> Extract(byte[] tgz, string target, PackageKey package)
    {
        var root = Path.GetFullPath(target) + Path.DirectorySeparatorChar;
        var files = new Dictionary<string, long>(StringComparer.Ordinal);
        long unpacked = 0;
        var entries = 0;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(tgz), CompressionMode.Decompress);
            var reader = new NpmTarReader(gzip);
            while (reader.Next() is { } entry)
            {
                if (++entries > PackageLimits.MaxFiles * 2) throw TooMany(package);
                if (!entry.IsFile) continue;
                var path = RelativePath(entry.Name, package);
                if (path is null) continue;
                unpacked += entry.Size;
                if (unpacked > PackageLimits.MaxUnpackedBytes)
                    throw new PackageException($"The package '{package}' unpacks to more than {PackageLimits.MaxUnpackedBytes >> 20} MB; it was not installed.");
                if (files.Count >= PackageLimits.MaxFiles && !files.ContainsKey(path)) throw TooMany(package);
                var full = Path.GetFullPath(Path.Combine(root, path));
                if (!full.StartsWith(root, StringComparison.Ordinal)) throw Traversal(package, entry.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                using (var output = File.Create(full))
                {
                    reader.CopyData(entry, output);
                }
                files[path] = entry.Size;
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new PackageException($"The package '{package}' has a damaged tarball ({e.Message}); it was not installed.");
        }
        return files;
    }

    // npm tarballs hold one top folder (usually package/); paths are relative to it.
    private static string? RelativePath(string name, PackageKey package)
    {
        if (name.Contains('\\') || name.Contains('\0') || name.StartsWith('/') || (name.Length > 1 && name[1] == ':'))
            throw Traversal(package, name);
        var parts = name.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        if (parts.Contains("..")) throw Traversal(package, name);
        if (parts.Count < 2 || parts[1] == "node_modules") return null;
        return string.Join('/', parts.Skip(1));
    }

    private static PackageException Traversal(PackageKey package, string entry) =>
        new($"The package '{package}' contains an entry that points outside the package ('{entry}'); it was not installed.");

    private static PackageException TooMany(PackageKey package) =>
        new($"The package '{package}' has more than {PackageLimits.MaxFiles} files; it was not installed.");
}
