using MaxMind.Db;

namespace Flowgate.Runtime.Geo;

/// <summary>A record of the ip-location-db city databases (npm <c>@ip-location-db/*-city-mmdb</c>): flat, no continent.</summary>
internal sealed class FlatCityRecord
{
    [Constructor]
    public FlatCityRecord(
        [MapKey("country_code")] string? countryCode, [MapKey("state1")] string? state,
        [MapKey("city")] string? city, [MapKey("latitude")] float? latitude, [MapKey("longitude")] float? longitude,
        [MapKey("timezone")] string? timeZone)
    {
        CountryCode = countryCode;
        State = state;
        City = city;
        // Stored as 32-bit floats: rounded so 52.374 reads 52.374, not 52.37400054931641.
        Latitude = latitude is { } lat ? Math.Round(lat, 4) : null;
        Longitude = longitude is { } lon ? Math.Round(lon, 4) : null;
        TimeZone = timeZone;
    }

    public string? CountryCode { get; }
    public string? State { get; }
    public string? City { get; }
    public double? Latitude { get; }
    public double? Longitude { get; }
    public string? TimeZone { get; }
}
