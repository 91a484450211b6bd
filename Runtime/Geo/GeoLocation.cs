using System.Text.Json.Nodes;

namespace Flowgate.Runtime.Geo;

/// <summary>One address's place, in Auth0's <c>event.request.geoip</c> field names.</summary>
public sealed record GeoLocation(
    string? CityName, string? ContinentCode, string? CountryCode, string? CountryCode3, string? CountryName,
    double? Latitude, double? Longitude, string? SubdivisionCode, string? SubdivisionName, string? TimeZone)
{
    /// <summary>The object an Action reads; fields the database does not know are left out, as on Auth0.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        Add(json, "cityName", CityName);
        Add(json, "continentCode", ContinentCode);
        Add(json, "countryCode", CountryCode);
        Add(json, "countryCode3", CountryCode3);
        Add(json, "countryName", CountryName);
        if (Latitude is { } latitude) json["latitude"] = latitude;
        if (Longitude is { } longitude) json["longitude"] = longitude;
        Add(json, "subdivisionCode", SubdivisionCode);
        Add(json, "subdivisionName", SubdivisionName);
        Add(json, "timeZone", TimeZone);
        return json;
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) json[name] = value;
    }
}
