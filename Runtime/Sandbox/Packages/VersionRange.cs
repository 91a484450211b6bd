using System.Globalization;
using System.Text.RegularExpressions;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// An npm version range (node-semver's grammar): exact versions, <c>^</c>, <c>~</c>, comparators
/// (<c>&gt;=1.2 &lt;2</c>), x-ranges (<c>1.x</c>, <c>*</c>), hyphen ranges (<c>1.2 - 2</c>) and
/// alternatives joined by <c>||</c>. Each alternative becomes a set of comparators that must all hold.
/// </summary>
internal sealed partial class VersionRange
{
    private enum Op { Equal, Greater, GreaterOrEqual, Less, LessOrEqual }

    private readonly record struct Comparator(Op Op, SemanticVersion Version)
    {
        public bool Test(SemanticVersion v)
        {
            var order = v.CompareTo(Version);
            return Op switch
            {
                Op.Equal => order == 0,
                Op.Greater => order > 0,
                Op.GreaterOrEqual => order >= 0,
                Op.Less => order < 0,
                _ => order <= 0,
            };
        }
    }

    // A version part: null stands for a missing part or a wildcard (x, X, *).
    private sealed record Partial(long? Major, long? Minor, long? Patch, IReadOnlyList<string>? Prerelease)
    {
        public SemanticVersion Floor => new(Major ?? 0, Minor ?? 0, Patch ?? 0, Prerelease);
    }

    private static readonly SemanticVersion Zero = new(0, 0, 0);

    private readonly IReadOnlyList<IReadOnlyList<Comparator>> _alternatives;

    private VersionRange(IReadOnlyList<IReadOnlyList<Comparator>> alternatives) => _alternatives = alternatives;

    public static bool TryParse(string? text, out VersionRange range)
    {
        range = null!;
        if (text is null) return false;
        var alternatives = new List<IReadOnlyList<Comparator>>();
        foreach (var alternative in text.Split("||"))
        {
            var set = ParseSet(alternative.Trim());
            if (set is null) return false;
            alternatives.Add(set);
        }
        range = new VersionRange(alternatives);
        return true;
    }

    /// <summary>
    /// True when the version is in the range. As in npm, a prerelease matches only an alternative
    /// that names a prerelease of the same major.minor.patch (<c>^1.2.3-beta.1</c> admits
    /// <c>1.2.3-beta.2</c>, never <c>1.3.0-beta</c>).
    /// </summary>
    public bool IsSatisfiedBy(SemanticVersion version) => _alternatives.Any(set =>
        set.All(c => c.Test(version))
        && (!version.IsPrerelease || set.Any(c => c.Version.IsPrerelease && c.Version.SameRelease(version))));

    private static List<Comparator>? ParseSet(string text)
    {
        var hyphen = Hyphen().Match(text);
        if (hyphen.Success)
        {
            var (from, to) = (ParsePartial(hyphen.Groups[1].Value), ParsePartial(hyphen.Groups[2].Value));
            if (from is null || to is null) return null;
            var set = new List<Comparator>();
            if (from.Major is not null) set.Add(new(Op.GreaterOrEqual, from.Floor));
            if (to.Major is not null) set.Add(to.Patch is not null ? new(Op.LessOrEqual, to.Floor) : new(Op.Less, NextBound(to)));
            return set;
        }
        var comparators = new List<Comparator>();
        foreach (var token in OperatorSpace().Replace(text, "$1").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Token().Match(token);
            var partial = match.Success ? ParsePartial(match.Groups[2].Value) : null;
            if (partial is null) return null;
            comparators.AddRange(Desugar(match.Groups[1].Value, partial));
        }
        return comparators;
    }

    private static IEnumerable<Comparator> Desugar(string op, Partial p)
    {
        if (p.Major is not { } major)
        {
            // A bare wildcard: any release, or nothing at all for > * and < *.
            return op is ">" or "<" ? [new(Op.Less, new SemanticVersion(0, 0, 0, ["0"]))] : [new(Op.GreaterOrEqual, Zero)];
        }
        var floor = p.Floor;
        return op switch
        {
            "" or "=" when p.Patch is not null => [new(Op.Equal, floor)],
            "" or "=" => [new(Op.GreaterOrEqual, floor), new(Op.Less, NextBound(p))],
            "~" or "~>" => [new(Op.GreaterOrEqual, floor), new(Op.Less, p.Minor is { } minor ? Bound(major, minor + 1, 0) : Bound(major + 1, 0, 0))],
            // The first non-zero part may not change: ^1.2.3 < 2.0.0, ^0.2.3 < 0.3.0, ^0.0.3 < 0.0.4.
            "^" => [new(Op.GreaterOrEqual, floor), new(Op.Less,
                major != 0 || p.Minor is not { } m ? Bound(major + 1, 0, 0)
                : m != 0 || p.Patch is not { } patch ? Bound(0, m + 1, 0)
                : Bound(0, 0, patch + 1))],
            ">" => [p.Patch is not null ? new(Op.Greater, floor) : new(Op.GreaterOrEqual, Release(NextBound(p)))],
            ">=" => [new(Op.GreaterOrEqual, floor)],
            "<" => [new(Op.Less, p.Patch is not null ? floor : new SemanticVersion(floor.Major, floor.Minor, 0, ["0"]))],
            _ => [p.Patch is not null ? new(Op.LessOrEqual, floor) : new(Op.Less, NextBound(p))], // <=
        };
    }

    // The lowest version above a partial: 1 → 2.0.0-0, 1.2 → 1.3.0-0 (the -0 keeps out 2.0.0's prereleases).
    private static SemanticVersion NextBound(Partial p) =>
        p.Minor is { } minor ? Bound(p.Major ?? 0, minor + 1, 0) : Bound((p.Major ?? 0) + 1, 0, 0);

    private static SemanticVersion Bound(long major, long minor, long patch) => new(major, minor, patch, ["0"]);

    private static SemanticVersion Release(SemanticVersion v) => new(v.Major, v.Minor, v.Patch);

    private static Partial? ParsePartial(string text)
    {
        var match = PartialPattern().Match(text);
        if (!match.Success) return null;
        long? Part(int group) => match.Groups[group].Success && match.Groups[group].Value is not ("x" or "X" or "*")
            ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : null;
        var (major, minor, patch) = (Part(1), Part(2), Part(3));
        // 1.x.3 reads as 1.x: a wildcard swallows what follows it.
        if (major is null) (minor, patch) = (null, null);
        if (minor is null) patch = null;
        var prerelease = patch is not null && match.Groups[4].Success ? match.Groups[4].Value.Split('.') : null;
        return new Partial(major, minor, patch, prerelease);
    }

    [GeneratedRegex(@"^\s*(\S+)\s+-\s+(\S+)\s*$")]
    private static partial Regex Hyphen();

    [GeneratedRegex(@"(<=|>=|<|>|=|~>|~|\^)\s+")]
    private static partial Regex OperatorSpace();

    [GeneratedRegex(@"^(<=|>=|<|>|=|~>|~|\^)?(.*)$")]
    private static partial Regex Token();

    [GeneratedRegex(@"^v?(\d+|[xX*])(?:\.(\d+|[xX*])(?:\.(\d+|[xX*])(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)?)?$")]
    private static partial Regex PartialPattern();
}
