using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Monitoring;

/// <summary>Deletes execution records older than the retention period (<see cref="ExecutionLogOptions.RetentionDays"/>).</summary>
public sealed class ExecutionRetention(
    IDbContextFactory<FlowgateDbContext> contexts,
    IOptions<ExecutionLogOptions> options,
    TimeProvider clock,
    ILogger<ExecutionRetention> logger)
{
    /// <summary>Purges expired records with their Action results; returns how many executions went.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.RetentionDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One set-based delete per table, results first: no rows are loaded, and no provider's cascade is relied on.
        var expired = db.Executions.Where(e => e.CreatedAt < cutoff).Select(e => e.Id);
        await db.ExecutionResults.Where(r => expired.Contains(r.ExecutionId)).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Executions.Where(e => e.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
            logger.LogInformation("Purged {Count} execution record(s) older than {Cutoff}", deleted, cutoff);
        var logCutoff = clock.GetUtcNow().AddDays(-options.Value.LogRetentionDays);
        await db.LogEvents.Where(e => e.Date < logCutoff).ExecuteDeleteAsync(cancellationToken);
        return deleted;
    }
}
