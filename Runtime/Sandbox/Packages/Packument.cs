using System.Text.Json;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>A package's registry document: its versions, their tarballs and the dist-tags.</summary>
internal sealed class Packument(string name, JsonElement document)
{
    public string Name => name;

    /// <summary>
    /// The version a spec stands for: a dist-tag (<c>latest</c>; blank means latest), an exact
    /// version, or the highest version in a range, preferring <c>latest</c> when it is in range as npm does.
    /// </summary>
    public string? Pick(string? spec)
    {
        spec = string.IsNullOrWhiteSpace(spec) ? "latest" : spec.Trim();
        if (Tag(spec) is { } tagged) return tagged;
        if (!document.TryGetProperty("versions", out var versions) || versions.ValueKind != JsonValueKind.Object) return null;
        if (versions.TryGetProperty(spec, out _)) return spec;
        if (!VersionRange.TryParse(spec, out var range)) return null;
        if (Tag("latest") is { } latest && SemanticVersion.TryParse(latest, out var l) && range.IsSatisfiedBy(l)) return latest;
        return versions.EnumerateObject()
            .Select(v => SemanticVersion.TryParse(v.Name, out var parsed) && range.IsSatisfiedBy(parsed) ? (v.Name, parsed) : default)
            .Where(v => v.parsed is not null)
            .MaxBy(v => v.parsed)
            .Name;
    }

    /// <summary>Where a version's tarball is and the hashes it must match.</summary>
    public PackageDist Dist(string version)
    {
        if (!document.TryGetProperty("versions", out var versions) || !versions.TryGetProperty(version, out var manifest)
            || !manifest.TryGetProperty("dist", out var dist) || !dist.TryGetProperty("tarball", out var tarball)
            || !Uri.TryCreate(tarball.GetString(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new PackageException($"The registry lists no tarball for '{name}@{version}'.");
        }
        return new PackageDist(url, Text(dist, "integrity"), Text(dist, "shasum"));
    }

    private string? Tag(string tag) =>
        document.TryGetProperty("dist-tags", out var tags) && tags.ValueKind == JsonValueKind.Object && tags.TryGetProperty(tag, out var v) ? v.GetString() : null;

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
