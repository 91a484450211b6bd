using Flowgate.Dashboard.Components.Layout;

namespace Flowgate.Tests.Components.Layout;

/// <summary>Durations and moments as the dashboard writes them for people.</summary>
public sealed class ReadableValuesTests
{
    [Theory]
    [InlineData(86400, "1 day")]
    [InlineData(5400, "1 hour 30 minutes")]
    [InlineData(2592000, "30 days")]
    [InlineData(90061, "1 day 1 hour 1 minute 1 second")]
    public void A_token_lifetime_reads_as_words_not_as_a_TimeSpan(int seconds, string expected) =>
        Assert.Equal(expected, Duration.Describe(seconds));

    [Fact]
    public void A_moment_is_written_in_UTC_and_says_so_whatever_its_offset()
    {
        var moment = new DateTimeOffset(2026, 12, 7, 16, 5, 0, TimeSpan.FromHours(2));
        Assert.Equal("2026-12-07 14:05 UTC", Timestamp.Format(moment));
        Assert.Equal("Never", Timestamp.Format(null, "Never"));
    }
}
