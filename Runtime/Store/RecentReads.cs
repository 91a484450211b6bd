using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace Flowgate.Runtime.Store;

/// <summary>
/// Values read from the database on a hot path and kept for <see cref="MaxAge"/>: the caller reads through
/// (<see cref="TryGet"/>, else <see cref="BeginRead"/>, the database, <see cref="Set"/>) and every write of the
/// value on this instance calls <see cref="Forget"/> or <see cref="ForgetAll"/>, which takes effect at once here.
/// Another instance behind the same database sees no such call: it serves what it read for at most <see cref="MaxAge"/>.
/// </summary>
/// <remarks>
/// A read that began before a forget is never kept: forgetting moves a generation before it removes, and
/// <see cref="Set"/> removes its own entry again when the generation moved since its read began.
/// </remarks>
public abstract class RecentReads<TKey, TValue>(TimeProvider clock, TimeSpan maxAge) : IDisposable where TKey : notnull
{
    // A size of one per key: the bound on memory is a number of entries.
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private long _generation;

    /// <summary>How long a change made on another instance may go unseen here.</summary>
    public TimeSpan MaxAge => maxAge;

    /// <summary>The value as read less than <see cref="MaxAge"/> ago.</summary>
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_entries.TryGetValue(key, out Entry? entry) && clock.GetUtcNow() - entry!.ReadAt < maxAge)
        {
            value = entry.Value;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Taken before reading the database: the entry is as old as the read's start, and a forget meanwhile keeps it out.</summary>
    public Read BeginRead() => new(Interlocked.Read(ref _generation), clock.GetUtcNow());

    public void Set(TKey key, TValue value, Read read)
    {
        _entries.Set(key, new Entry(value, read.At), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = maxAge });
        if (Interlocked.Read(ref _generation) != read.Generation)
            _entries.Remove(key);
    }

    /// <summary>Drops one entry: its next lookup reads the database.</summary>
    public void Forget(TKey key)
    {
        Interlocked.Increment(ref _generation);
        _entries.Remove(key);
    }

    /// <summary>Drops every entry, for a change that may touch many keys.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    public void Dispose()
    {
        _entries.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>When a database read began, and how many forgets this instance had made by then.</summary>
    public readonly record struct Read(long Generation, DateTimeOffset At);

    private sealed record Entry(TValue Value, DateTimeOffset ReadAt);
}
