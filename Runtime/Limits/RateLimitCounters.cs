using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Limits;

/// <summary>
/// Request limits counted in the database, so every instance behind a load balancer counts into the same windows
/// (ADR 0010). A hit reads the previous window's count, then increments the current one with one atomic statement
/// that refuses at the allowance (<see cref="RateLimitUpsert"/>): however many hits race on however many instances,
/// exactly the allowance gets through.
/// </summary>
public sealed class RateLimitCounters(IDbContextFactory<FlowgateDbContext> contexts, TimeProvider clock)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private long _lastSweep;

    /// <summary>Counts one hit on <paramref name="partition"/> (an IP, an account) unless the limit is reached.</summary>
    public async Task<RateLimitDecision> TryHitAsync(RateLimit limit, string partition, CancellationToken cancellationToken)
    {
        var key = limit.Name + ":" + TextHash.Sha256Hex(partition);
        var (now, window) = (clock.GetUtcNow(), (long)limit.Window.TotalSeconds);
        var start = now.ToUnixTimeSeconds() / window * window;
        var elapsed = (now.ToUnixTimeMilliseconds() - start * 1000) / (window * 1000.0);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var previous = await CountAsync(db, key, start - window, cancellationToken);
        var allowance = RateLimitWait.Allowance(limit.Permits, previous, elapsed);
        var count = allowance > 0
            ? await RateLimitUpsert.IncrementAsync(db, key, start, allowance, start + 2 * window, cancellationToken)
            : null;
        if (count is null)
        {
            var current = await CountAsync(db, key, start, cancellationToken);
            return new RateLimitDecision(false, RateLimitWait.Until(limit.Permits, previous, current, elapsed, limit.Window));
        }
        if (count == 1)
            await SweepAsync(db, now, cancellationToken);
        return new RateLimitDecision(true, TimeSpan.Zero) { Counted = (key, start) };
    }

    /// <summary>Gives back an allowed hit that was not used after all (another limit refused the same request).</summary>
    public async Task ReleaseAsync(RateLimitDecision hit, CancellationToken cancellationToken)
    {
        if (hit.Counted is not var (key, start))
            return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.RateLimitWindows.Where(w => w.Key == key && w.WindowStart == start && w.Count > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Count, w => w.Count - 1), cancellationToken);
    }

    private static async Task<int> CountAsync(FlowgateDbContext db, string key, long start, CancellationToken cancellationToken) =>
        await db.RateLimitWindows.Where(w => w.Key == key && w.WindowStart == start).Select(w => (int?)w.Count)
            .SingleOrDefaultAsync(cancellationToken) ?? 0;

    // Partitions that stopped coming leave rows behind: a hit that opens a window drops expired ones, at most once a
    // minute per instance.
    private async Task SweepAsync(FlowgateDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now.UtcTicks - last < SweepEvery.Ticks || Interlocked.CompareExchange(ref _lastSweep, now.UtcTicks, last) != last)
            return;
        var seconds = now.ToUnixTimeSeconds();
        await db.RateLimitWindows.Where(w => w.ExpiresAt <= seconds).ExecuteDeleteAsync(cancellationToken);
    }
}
