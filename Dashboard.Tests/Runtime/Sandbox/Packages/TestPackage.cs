using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Flowgate.Tests.Runtime.Sandbox.Packages;

/// <summary>A package version to publish on <see cref="TestNpmRegistry"/>; its .tgz is built here, as npm pack would.</summary>
internal sealed record TestPackage(string Name, string Version)
{
    /// <summary>Files by path inside the package (package.json is generated unless given).</summary>
    public Dictionary<string, string> Files { get; init; } = [];

    /// <summary>The package.json's <c>dependencies</c>: name → range.</summary>
    public Dictionary<string, string> Dependencies { get; init; } = [];

    /// <summary>More package.json fields (main, exports, scripts, gypfile, type, ...).</summary>
    public JsonObject? Manifest { get; init; }

    /// <summary>Extra tar entries with their names as written, e.g. <c>package/../../escape.js</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RawEntries { get; init; } = [];

    /// <summary>Symbolic links by entry name → target, e.g. <c>package/passwd.js</c> → <c>/etc/passwd</c>.</summary>
    public Dictionary<string, string> SymbolicLinks { get; init; } = [];

    /// <summary>Owner ids written in base-256, as npm's node-tar did in 2013–2015 (buffer-equal-constant-time 1.0.1).</summary>
    public bool LegacyOwnerFields { get; init; }

    /// <summary>Published instead of the tarball's real integrity (a tampered tarball).</summary>
    public string? Integrity { get; init; }

    public string PackageJson()
    {
        var json = new JsonObject { ["name"] = Name, ["version"] = Version };
        if (Dependencies.Count > 0) json["dependencies"] = new JsonObject(Dependencies.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value)));
        foreach (var (key, value) in Manifest ?? [])
        {
            json[key] = value?.DeepClone();
        }
        return json.ToJsonString();
    }

    public byte[] Tarball()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var entries = new List<KeyValuePair<string, string>>();
            if (!Files.ContainsKey("package.json")) entries.Add(KeyValuePair.Create("package/package.json", PackageJson()));
            entries.AddRange(Files.Select(f => KeyValuePair.Create("package/" + f.Key, f.Value)));
            entries.AddRange(RawEntries);
            foreach (var (name, content) in entries)
            {
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
            }
            foreach (var (name, target) in SymbolicLinks)
            {
                writer.WriteEntry(new UstarTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target });
            }
        }
        var bytes = tar.ToArray();
        if (LegacyOwnerFields) WriteBase256Owners(bytes);
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }
        return output.ToArray();
    }

    // Every header's uid and gid (offsets 108 and 116, 8 bytes) as 0x80 then a big-endian number; the
    // gid is beyond int.MaxValue, as in buffer-equal-constant-time 1.0.1 (System.Formats.Tar overflows on it).
    private static void WriteBase256Owners(byte[] tar)
    {
        for (var offset = 0; offset + 512 <= tar.Length && tar[offset] != 0;)
        {
            new byte[] { 0x80, 0, 0, 0, 0, 0x2A, 0xD0, 0xBB }.CopyTo(tar, offset + 108);
            new byte[] { 0x80, 0, 0, 0, 0xD0, 0x1B, 0x12, 0x32 }.CopyTo(tar, offset + 116);
            var size = Convert.ToInt64(Encoding.ASCII.GetString(tar, offset + 124, 11), 8);
            offset += 512 + (int)((size + 511) / 512 * 512);
        }
    }
}
