using System.Text.RegularExpressions;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// One exact package version, <c>name@version</c>. Both parts become directory names in the
/// package cache, so both are checked here: a registry document cannot steer a write outside it.
/// </summary>
internal readonly partial record struct PackageKey(string Name, string Version)
{
    public override string ToString() => $"{Name}@{Version}";

    /// <summary>npm names, including legacy ones with capitals (JSONStream); never <c>.</c>, <c>..</c> or a path.</summary>
    public static bool IsValidName(string name) =>
        NamePattern().IsMatch(name) && name.Split('/').All(part => part is not ("." or ".." or "@." or "@.."));

    /// <summary>A version as the registry spells it: a semantic version and nothing a path could abuse.</summary>
    public static bool IsValidVersion(string version) => VersionText().IsMatch(version) && SemanticVersion.TryParse(version, out _);

    /// <summary>Reads <c>name@version</c> (the name may be scoped: <c>@scope/name@1.0.0</c>).</summary>
    public static PackageKey Parse(string key)
    {
        var at = key.LastIndexOf('@');
        var parsed = at > 0 ? new PackageKey(key[..at], key[(at + 1)..]) : default;
        return at > 0 && IsValidName(parsed.Name) && IsValidVersion(parsed.Version)
            ? parsed
            : throw new PackageException($"'{key}' is not a valid package version.");
    }

    [GeneratedRegex(@"^(?:@[A-Za-z0-9._~-]+/)?[A-Za-z0-9._~-]{1,214}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$")]
    private static partial Regex VersionText();
}
