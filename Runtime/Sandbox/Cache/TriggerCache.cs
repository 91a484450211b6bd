using System.Text;
using System.Text.Json;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Cache;

/// <summary>
/// One tenant's <c>api.cache</c> for one trigger: Auth0's limits (20 records, key ≤ 64 B, value ≤ 4 kB,
/// 8 kB in all). The sandbox checks them as the Action writes; they are checked again here because
/// concurrent executions each saw room for their own record.
/// </summary>
internal sealed class TriggerCache
{
    public const int MaxEntries = 20;
    public const int MaxKeyBytes = 64;
    public const int MaxValueBytes = 4096;
    public const int MaxTotalBytes = 8192;

    private readonly Dictionary<string, (string Value, long ExpiresAt)> _records = new(StringComparer.Ordinal);
    private string? _snapshot;
    private long _snapshotUntil;

    /// <summary>A copy of the records of a <see cref="Snapshot"/>: a flow's own view, which its later Actions read (worker side).</summary>
    public static TriggerCache From(string? snapshot, long nowMs)
    {
        var cache = new TriggerCache();
        if (snapshot is not null)
        {
            using var records = JsonDocument.Parse(snapshot);
            cache.Apply(records.RootElement.EnumerateObject()
                .Select(r => new ActionCacheWrite(r.Name, r.Value.GetProperty("value").GetString(), r.Value.GetProperty("expires_at").GetInt64())).ToList(), nowMs);
        }
        return cache;
    }

    /// <summary>The live records as JSON <c>{key: {value, expires_at}}</c>, or null when there are none; rebuilt only after a change or an expiry.</summary>
    public string? Snapshot(long nowMs)
    {
        lock (_records)
        {
            if (nowMs < _snapshotUntil)
            {
                return _snapshot;
            }
            foreach (var expired in _records.Where(r => r.Value.ExpiresAt <= nowMs).Select(r => r.Key).ToList())
            {
                _records.Remove(expired);
            }
            _snapshot = _records.Count == 0 ? null : JsonSerializer.Serialize(_records.ToDictionary(r => r.Key, r => new { value = r.Value.Value, expires_at = r.Value.ExpiresAt }));
            _snapshotUntil = _records.Count == 0 ? long.MaxValue : _records.Values.Min(r => r.ExpiresAt);
            return _snapshot;
        }
    }

    /// <summary>Applies an execution's sets and deletes in order; a set that no longer fits is dropped (the cache is best effort).</summary>
    public void Apply(IReadOnlyList<ActionCacheWrite> writes, long nowMs)
    {
        lock (_records)
        {
            foreach (var write in writes)
            {
                if (write.Value is null)
                {
                    _records.Remove(write.Key);
                }
                else if (write.ExpiresAt is { } expiresAt && expiresAt > nowMs && Fits(write.Key, write.Value))
                {
                    _records[write.Key] = (write.Value, Math.Min(expiresAt, nowMs + (long)TimeSpan.FromHours(24).TotalMilliseconds));
                }
            }
            _snapshotUntil = 0;
        }
    }

    private bool Fits(string key, string value)
    {
        var keyBytes = Encoding.UTF8.GetByteCount(key);
        if (keyBytes > MaxKeyBytes || Encoding.UTF8.GetByteCount(value) > MaxValueBytes)
        {
            return false;
        }
        if (!_records.ContainsKey(key) && _records.Count >= MaxEntries)
        {
            return false;
        }
        var others = _records.Where(r => r.Key != key).Sum(r => Encoding.UTF8.GetByteCount(r.Key) + Encoding.UTF8.GetByteCount(r.Value.Value));
        return others + keyBytes + Encoding.UTF8.GetByteCount(value) <= MaxTotalBytes;
    }
}
