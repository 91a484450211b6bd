using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Monitoring;

/// <summary>
/// Per-Action numbers from the execution records: executions, failures and p50/p95 duration over a recent window,
/// with a count per bucket for a chart. Reads only the Action's results in the window (index on Action and start time).
/// </summary>
public sealed class ActionMetrics(IDbContextFactory<FlowgateDbContext> contexts, ActionService actions, TimeProvider clock)
{
    /// <summary>The last <paramref name="window"/>, split into <paramref name="buckets"/> equal buckets, oldest first.</summary>
    public async Task<ActionMetricsWindow> GetAsync(string actionId, TimeSpan window, int buckets, CancellationToken cancellationToken)
    {
        // The Action must be the tenant's: results carry no tenant of their own.
        await actions.GetAsync(actionId, cancellationToken);
        var end = clock.GetUtcNow();
        var start = end - window;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.ExecutionResults.AsNoTracking()
            .Where(r => r.ActionId == actionId && r.StartedAt >= start && r.StartedAt <= end)
            .Select(r => new { r.StartedAt, r.EndedAt, r.Status })
            .ToListAsync(cancellationToken);
        var durations = runs.Select(r => (r.EndedAt - r.StartedAt).TotalMilliseconds).Order().ToList();
        var width = window / buckets;
        var counts = Enumerable.Range(0, buckets).Select(i => new ActionMetricsBucket(start + width * i, 0, 0)).ToArray();
        foreach (var run in runs)
        {
            var index = Math.Min(buckets - 1, (int)((run.StartedAt - start) / width));
            var failed = run.Status == "failed" ? 1 : 0;
            counts[index] = counts[index] with { Executions = counts[index].Executions + 1, Failures = counts[index].Failures + failed };
        }
        return new ActionMetricsWindow(runs.Count, runs.Count(r => r.Status == "failed"), Percentile(durations, 0.50), Percentile(durations, 0.95), counts);
    }

    /// <summary>
    /// Each of these versions' executions of the Action since <paramref name="since"/> (a canary beside its stable version),
    /// in the order given; the Action's results in the window are read once.
    /// </summary>
    public async Task<IReadOnlyList<VersionMetrics>> CompareVersionsAsync(string actionId, IReadOnlyList<string> versionIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await actions.GetAsync(actionId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.ExecutionResults.AsNoTracking()
            .Where(r => r.ActionId == actionId && r.StartedAt >= since && versionIds.Contains(r.VersionId!))
            .Select(r => new { r.VersionId, r.StartedAt, r.EndedAt, r.Status })
            .ToListAsync(cancellationToken);
        return [.. versionIds.Select(id =>
        {
            var own = runs.Where(r => r.VersionId == id).ToList();
            var durations = own.Select(r => (r.EndedAt - r.StartedAt).TotalMilliseconds).Order().ToList();
            return new VersionMetrics(id, own.Count, own.Count(r => r.Status == "failed"), Percentile(durations, 0.50), Percentile(durations, 0.95));
        })];
    }

    // Nearest rank: the smallest duration at or above the given share of runs.
    private static double? Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
}
