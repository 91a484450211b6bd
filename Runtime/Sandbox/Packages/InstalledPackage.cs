using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// One package in the cache, as the module loader needs it. Written next to the unpacked files when
/// the install completes and never changed afterwards, so a restart (or another worker) rebuilds an
/// Action's tree from the cache alone, without the network.
/// </summary>
internal sealed record InstalledPackage
{
    public required string Name { get; init; }
    public required string Version { get; init; }

    /// <summary>Each name the package's code may require (aliases included) → the exact <c>name@version</c> it resolved to at install.</summary>
    public IReadOnlyDictionary<string, string> Dependencies { get; init; } = new Dictionary<string, string>();

    /// <summary>The files <c>require</c> can load (.js, .cjs, .mjs, .json), with their sizes in bytes.</summary>
    public required IReadOnlyDictionary<string, long> Files { get; init; }

    /// <summary>Each folder holding a package.json ("" is the package root) → its <c>main</c> and <c>type</c>.</summary>
    public required IReadOnlyDictionary<string, PackageScope> Scopes { get; init; }

    /// <summary>The root package.json's <c>exports</c>, as written.</summary>
    public JsonElement? Exports { get; init; }

    /// <summary>The root package.json's <c>imports</c> (<c>#internal</c> specifiers), as written.</summary>
    public JsonElement? Imports { get; init; }

    /// <summary>Where the package's files are on this machine (not stored: the cache may move).</summary>
    [JsonIgnore]
    public string Directory { get; init; } = "";

    [JsonIgnore]
    public PackageKey Key => new(Name, Version);
}
