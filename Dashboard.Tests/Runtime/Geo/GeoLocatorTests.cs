using System.Diagnostics;
using System.Net;
using Flowgate.Runtime.Geo;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Flowgate.Tests.Runtime.Geo;

/// <summary>The locator without a database (empty, said once) and with the real one (cached lookups).</summary>
public sealed class GeoLocatorTests(ITestOutputHelper output)
{
    [Fact]
    public void Without_a_database_geoip_is_empty_and_the_log_says_so_once()
    {
        using var logs = new RecordedLogs();
        using var locator = new GeoLocator(Options.Create(new GeoIpOptions { DatabasePath = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.mmdb") }),
            new DataDirectory(Path.GetTempPath()), new LoggerFactory([logs]).CreateLogger<GeoLocator>());

        var first = locator.Locate(IPAddress.Parse("8.8.8.8"));
        var second = locator.Locate(IPAddress.Parse("1.1.1.1"));

        Assert.Empty(first);
        Assert.Empty(second);
        Assert.Single(logs.Lines, l => l.Contains("No GeoIP database", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lookups_on_the_real_database_take_microseconds_once_an_address_is_known()
    {
        using var logs = new RecordedLogs();
        using var locator = new GeoLocator(Options.Create(new GeoIpOptions { DatabasePath = await GeoIpDatabase.PathAsync() }),
            new DataDirectory(Path.GetTempPath()), new LoggerFactory([logs]).CreateLogger<GeoLocator>());
        var addresses = Enumerable.Range(0, 1000).Select(i => new IPAddress([(byte)(20 + i % 200), (byte)(i / 7), (byte)i, 1])).ToList();
        var cold = Stopwatch.StartNew();
        foreach (var address in addresses) locator.Locate(address);
        var firstMicroseconds = cold.Elapsed.TotalMicroseconds / addresses.Count;

        var clock = Stopwatch.StartNew();
        foreach (var address in addresses) locator.Locate(address);
        var cachedMicroseconds = clock.Elapsed.TotalMicroseconds / addresses.Count;

        output.WriteLine($"first lookup {firstMicroseconds:F1} µs, known address {cachedMicroseconds:F1} µs (mean of {addresses.Count})");
        Assert.Equal("NA", (string?)locator.Locate(IPAddress.Parse("8.8.8.8"))["continentCode"]);
        Assert.True(cachedMicroseconds < 50, $"a known address took {cachedMicroseconds:F1} µs");
    }
}
