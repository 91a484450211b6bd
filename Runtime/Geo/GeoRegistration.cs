using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Runtime.Geo;

/// <summary>Registers <c>event.request.geoip</c>: the locator and the first start's database download.</summary>
public static class GeoRegistration
{
    public static IServiceCollection AddGeoIp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GeoIpOptions>().Bind(configuration.GetSection(GeoIpOptions.Section));
        services.AddSingleton<GeoLocator>();
        services.AddHostedService<GeoDatabaseDownload>();
        return services;
    }
}
