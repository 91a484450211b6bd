using System.Net;
using MaxMind.Db;
using MaxMind.GeoIP2;

namespace Flowgate.Runtime.Geo;

/// <summary>
/// An open, memory-mapped city database. MaxMind's own City databases (GeoIP2, GeoLite2, DB-IP's MaxMind-format files)
/// are read with MaxMind.GeoIP2; ip-location-db's flat files with MaxMind.Db and the country code's implications.
/// </summary>
internal sealed class GeoDatabase : IDisposable
{
    private readonly DatabaseReader? _city;
    private readonly Reader? _flat;

    private GeoDatabase(DatabaseReader? city, Reader? flat) => (_city, _flat) = (city, flat);

    public static GeoDatabase Open(string path)
    {
        var flat = new Reader(path, FileAccessMode.MemoryMapped);
        if (!flat.Metadata.DatabaseType.Contains("City", StringComparison.Ordinal))
            return new GeoDatabase(null, flat);
        flat.Dispose();
        return new GeoDatabase(new DatabaseReader(path, FileAccessMode.MemoryMapped), null);
    }

    public string Type => _city?.Metadata.DatabaseType ?? _flat!.Metadata.DatabaseType;

    public GeoLocation? Find(IPAddress address)
    {
        if (_city is not null)
        {
            if (!_city.TryCity(address, out var city) || city is null) return null;
            var subdivision = city.MostSpecificSubdivision;
            var (alpha3, _) = Continents.Country(city.Country.IsoCode);
            return new GeoLocation(city.City.Name, city.Continent.Code, city.Country.IsoCode, alpha3, city.Country.Name,
                city.Location.Latitude, city.Location.Longitude, subdivision.IsoCode, subdivision.Name, city.Location.TimeZone);
        }
        // An IPv4-only file has no place for an IPv6 address.
        if (_flat!.Metadata.IPVersion == 4 && address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            return null;
        var found = _flat.Find<FlatCityRecord>(address);
        if (found is null) return null;
        var (code3, name) = Continents.Country(found.CountryCode);
        return new GeoLocation(found.City, Continents.Of(found.CountryCode), found.CountryCode, code3, name,
            found.Latitude, found.Longitude, null, found.State, found.TimeZone);
    }

    public void Dispose()
    {
        _city?.Dispose();
        _flat?.Dispose();
    }
}
