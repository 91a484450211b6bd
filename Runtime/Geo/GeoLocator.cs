using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Geo;

/// <summary>
/// <c>event.request.geoip</c>: the place of a client address. Lookups go to a memory-mapped database and are remembered
/// per address (a bounded cache), so a login costs one dictionary read. Without a database the object is empty, said once in
/// the log; a database that appears later (the first start's download) is picked up.
/// </summary>
public sealed class GeoLocator(IOptions<GeoIpOptions> options, DataDirectory data, ILogger<GeoLocator> logger) : IDisposable
{
    private const int CacheSize = 10_000;
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<IPAddress, GeoLocation?> _cache = new();
    private readonly Lock _opening = new();
    private GeoDatabase? _database;
    private DateTime _nextAttempt;
    private bool _absenceLogged;

    /// <summary>The database file used: the operator's, or the one fetched into the data directory.</summary>
    public string DatabasePath => options.Value.DatabasePath is { Length: > 0 } own ? Path.GetFullPath(own) : DefaultPath(data);

    internal static string DefaultPath(DataDirectory data) => Path.Combine(data.Path, "geoip", "city-ipv4.mmdb");

    public JsonObject Locate(IPAddress? address)
    {
        if (address is null) return [];
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (_cache.TryGetValue(address, out var known)) return known?.ToJson() ?? [];
        if (Database() is not { } database) return [];
        var found = database.Find(address);
        if (_cache.Count >= CacheSize) _cache.Clear();
        _cache[address] = found;
        return found?.ToJson() ?? [];
    }

    private GeoDatabase? Database()
    {
        if (Volatile.Read(ref _database) is { } open) return open;
        lock (_opening)
        {
            if (_database is not null || DateTime.UtcNow < _nextAttempt) return _database;
            _nextAttempt = DateTime.UtcNow + RetryEvery;
            var path = DatabasePath;
            if (!File.Exists(path))
            {
                if (!_absenceLogged)
                    logger.LogWarning("No GeoIP database at {Path}: event.request.geoip stays empty (set GeoIp:DatabasePath, or let Flowgate fetch one)", path);
                _absenceLogged = true;
                return null;
            }
            try
            {
                _database = GeoDatabase.Open(path);
                logger.LogInformation("GeoIP database {Path} ({Type}) opened for event.request.geoip", path, _database.Type);
            }
            catch (Exception e) when (e is IOException or MaxMind.Db.InvalidDatabaseException or InvalidOperationException)
            {
                logger.LogWarning(e, "The GeoIP database at {Path} cannot be read: event.request.geoip stays empty", path);
            }
            return _database;
        }
    }

    public void Dispose() => _database?.Dispose();
}
