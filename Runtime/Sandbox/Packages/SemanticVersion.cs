using System.Globalization;
using System.Text.RegularExpressions;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// A version as npm orders it (semver 2.0): major.minor.patch, an optional prerelease that sorts
/// before the release, and build metadata that is ignored.
/// </summary>
internal sealed partial class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    public SemanticVersion(long major, long minor, long patch, IReadOnlyList<string>? prerelease = null)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease ?? [];
    }

    public long Major { get; }
    public long Minor { get; }
    public long Patch { get; }
    public IReadOnlyList<string> Prerelease { get; }

    public bool IsPrerelease => Prerelease.Count > 0;

    /// <summary>Reads <c>1.2.3</c>, <c>1.2.3-beta.1+build</c>, and the <c>v1.2.3</c>/<c>=1.2.3</c> forms npm accepts.</summary>
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = null!;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success || !TryNumber(match.Groups[1].Value, out var major) || !TryNumber(match.Groups[2].Value, out var minor) || !TryNumber(match.Groups[3].Value, out var patch))
        {
            return false;
        }
        version = new SemanticVersion(major, minor, patch, match.Groups[4].Success ? match.Groups[4].Value.Split('.') : null);
        return true;
    }

    public bool SameRelease(SemanticVersion other) => Major == other.Major && Minor == other.Minor && Patch == other.Patch;

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null) return 1;
        var release = Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);
        if (release != 0) return release;
        // A prerelease sorts before its release: 1.0.0-rc.1 < 1.0.0.
        if (IsPrerelease != other.IsPrerelease) return IsPrerelease ? -1 : 1;
        for (var i = 0; i < Math.Min(Prerelease.Count, other.Prerelease.Count); i++)
        {
            var order = CompareIdentifiers(Prerelease[i], other.Prerelease[i]);
            if (order != 0) return order;
        }
        return Prerelease.Count.CompareTo(other.Prerelease.Count);
    }

    // Numeric identifiers compare as numbers and sort before alphanumeric ones.
    private static int CompareIdentifiers(string a, string b)
    {
        var aNumeric = TryNumber(a, out var x);
        var bNumeric = TryNumber(b, out var y);
        return (aNumeric, bNumeric) switch
        {
            (true, true) => x.CompareTo(y),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(a, b),
        };
    }

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public bool Equals(SemanticVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => Equals(obj as SemanticVersion);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, string.Join('.', Prerelease));

    public override string ToString() => $"{Major}.{Minor}.{Patch}" + (IsPrerelease ? "-" + string.Join('.', Prerelease) : "");

    [GeneratedRegex(@"^[v=]?\s*(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex Pattern();
}
