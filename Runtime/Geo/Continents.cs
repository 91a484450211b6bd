using System.Collections.Frozen;
using System.Globalization;

namespace Flowgate.Runtime.Geo;

/// <summary>
/// What a country code implies (continent, ISO alpha-3, English name), for databases that store only the country code
/// (ip-location-db's). Continents as MaxMind and GeoNames assign them; names and alpha-3 codes from the ICU data .NET carries.
/// </summary>
internal static class Continents
{
    private static readonly FrozenDictionary<string, string> ByCountry = new Dictionary<string, string[]>
    {
        ["NA"] = ["AG", "AI", "AW", "BB", "BL", "BM", "BQ", "BS", "BZ", "CA", "CR", "CU", "CW", "DM", "DO", "GD", "GL", "GP", "GT", "HN", "HT",
            "JM", "KN", "KY", "LC", "MF", "MQ", "MS", "MX", "NI", "PA", "PM", "PR", "SV", "SX", "TC", "TT", "US", "VC", "VG", "VI"],
        ["SA"] = ["AR", "BO", "BR", "CL", "CO", "EC", "FK", "GF", "GS", "GY", "PE", "PY", "SR", "UY", "VE"],
        ["EU"] = ["AD", "AL", "AT", "AX", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FO", "FR", "GB", "GG", "GI",
            "GR", "HR", "HU", "IE", "IM", "IS", "IT", "JE", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT",
            "RO", "RS", "RU", "SE", "SI", "SJ", "SK", "SM", "UA", "VA", "XK"],
        ["AF"] = ["AO", "BF", "BI", "BJ", "BW", "CD", "CF", "CG", "CI", "CM", "CV", "DJ", "DZ", "EG", "EH", "ER", "ET", "GA", "GH", "GM", "GN",
            "GQ", "GW", "KE", "KM", "LR", "LS", "LY", "MA", "MG", "ML", "MR", "MU", "MW", "MZ", "NA", "NE", "NG", "RE", "RW", "SC", "SD",
            "SH", "SL", "SN", "SO", "SS", "ST", "SZ", "TD", "TG", "TN", "TZ", "UG", "YT", "ZA", "ZM", "ZW"],
        ["AS"] = ["AE", "AF", "AM", "AZ", "BD", "BH", "BN", "BT", "CC", "CN", "CX", "GE", "HK", "ID", "IL", "IN", "IO", "IQ", "IR", "JO", "JP",
            "KG", "KH", "KP", "KR", "KW", "KZ", "LA", "LB", "LK", "MM", "MN", "MO", "MV", "MY", "NP", "OM", "PH", "PK", "PS", "QA", "SA",
            "SG", "SY", "TH", "TJ", "TL", "TM", "TR", "TW", "UZ", "VN", "YE"],
        ["OC"] = ["AS", "AU", "CK", "FJ", "FM", "GU", "KI", "MH", "MP", "NC", "NF", "NR", "NU", "NZ", "PF", "PG", "PN", "PW", "SB", "TK", "TO",
            "TV", "UM", "VU", "WF", "WS"],
        ["AN"] = ["AQ", "BV", "HM", "TF"],
    }.SelectMany(c => c.Value.Select(country => (country, continent: c.Key))).ToFrozenDictionary(p => p.country, p => p.continent);

    public static string? Of(string? countryCode) =>
        countryCode is not null && ByCountry.TryGetValue(countryCode, out var continent) ? continent : null;

    public static (string? Alpha3, string? Name) Country(string? countryCode)
    {
        if (countryCode is not { Length: 2 }) return (null, null);
        try
        {
            var region = new RegionInfo(countryCode);
            return (region.ThreeLetterISORegionName, region.EnglishName);
        }
        catch (ArgumentException)
        {
            return (null, null);
        }
    }
}
