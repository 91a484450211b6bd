using Flowgate.Runtime.Sandbox.Packages;

namespace Flowgate.Tests.Runtime.Sandbox.Packages;

/// <summary>npm's range forms pick the versions node-semver would (cases from its range tests).</summary>
public sealed class VersionRangeTests
{
    [Theory]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "1.2.4", false)]
    [InlineData("=1.2.3", "1.2.3", true)]
    [InlineData("v1.2.3", "1.2.3", true)]
    [InlineData("^1.2.3", "1.9.0", true)]
    [InlineData("^1.2.3", "1.2.2", false)]
    [InlineData("^1.2.3", "2.0.0", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.3", true)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("^1.2.x", "1.5.0", true)]
    [InlineData("^0.0.x", "0.0.7", true)]
    [InlineData("^0.0.x", "0.1.0", false)]
    [InlineData("^0.x", "0.9.9", true)]
    [InlineData("^1", "1.99.0", true)]
    [InlineData("~1.2.3", "1.2.9", true)]
    [InlineData("~1.2.3", "1.3.0", false)]
    [InlineData("~1.2", "1.2.0", true)]
    [InlineData("~1", "1.9.0", true)]
    [InlineData("~1", "2.0.0", false)]
    [InlineData("~>1.2.3", "1.2.5", true)]
    [InlineData(">=1.2.3 <2.0.0", "1.5.0", true)]
    [InlineData(">=1.2.3 <2.0.0", "2.0.0", false)]
    [InlineData(">= 1.2.3 < 2", "1.9.9", true)]
    [InlineData(">1.2.3", "1.2.3", false)]
    [InlineData(">1.2", "1.2.9", false)]
    [InlineData(">1.2", "1.3.0", true)]
    [InlineData("<1.2", "1.1.9", true)]
    [InlineData("<1.2", "1.2.0", false)]
    [InlineData("<=1.2", "1.2.9", true)]
    [InlineData("<=1.2", "1.3.0", false)]
    [InlineData("1.x", "1.4.0", true)]
    [InlineData("1.x", "2.0.0", false)]
    [InlineData("1.2.X", "1.2.7", true)]
    [InlineData("1", "1.0.1", true)]
    [InlineData("*", "3.1.4", true)]
    [InlineData("", "0.0.1", true)]
    [InlineData("x", "9.9.9", true)]
    [InlineData("1.2.3 - 2.3.4", "2.3.4", true)]
    [InlineData("1.2.3 - 2.3.4", "2.3.5", false)]
    [InlineData("1.2 - 2.3.4", "1.2.0", true)]
    [InlineData("1.2.3 - 2.3", "2.3.9", true)]
    [InlineData("1.2.3 - 2", "2.9.9", true)]
    [InlineData("1.2.3 - 2", "3.0.0", false)]
    [InlineData("^1.0.0 || ^3.0.0", "3.2.0", true)]
    [InlineData("^1.0.0 || ^3.0.0", "2.2.0", false)]
    [InlineData("1.2.3 || >=2.5.0 <3", "2.7.0", true)]
    public void Ranges_match_releases_as_npm_does(string range, string version, bool expected) => Assert.Equal(expected, Satisfies(range, version));

    [Theory]
    [InlineData("^1.2.3-beta.1", "1.2.3-beta.2", true)]
    [InlineData("^1.2.3-beta.1", "1.2.3", true)]
    [InlineData("^1.2.3-beta.1", "1.3.0-beta.1", false)]
    [InlineData("^1.2.3", "1.5.0-rc.1", false)]
    [InlineData("*", "1.0.0-alpha", false)]
    [InlineData(">=1.0.0-rc.1 <1.0.0", "1.0.0-rc.2", true)]
    [InlineData("~1.2.3-alpha", "1.2.3-alpha.0", true)]
    [InlineData("~1.2.3-alpha", "1.2.3-0", false)]
    public void A_prerelease_matches_only_a_range_that_names_one_of_its_release(string range, string version, bool expected) =>
        Assert.Equal(expected, Satisfies(range, version));

    [Theory]
    [InlineData("latest")]
    [InlineData("^1.2.3.4")]
    [InlineData(">=abc")]
    [InlineData("1.2.3 - ")]
    public void Tags_and_garbage_are_not_ranges(string text) => Assert.False(VersionRange.TryParse(text, out _));

    [Fact]
    public void Versions_order_by_semver_precedence()
    {
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.10.0", "2.0.0"];
        var parsed = ordered.Reverse().Select(v => SemanticVersion.TryParse(v, out var p) ? p : throw new FormatException(v)).Order().Select(v => v.ToString());

        Assert.Equal(ordered, parsed);
        Assert.True(SemanticVersion.TryParse("1.2.3+build.5", out var withBuild) && withBuild.Equals(new SemanticVersion(1, 2, 3)));
    }

    private static bool Satisfies(string range, string version) =>
        VersionRange.TryParse(range, out var parsed) && SemanticVersion.TryParse(version, out var v)
            ? parsed.IsSatisfiedBy(v)
            : throw new FormatException($"{range} / {version}");
}
