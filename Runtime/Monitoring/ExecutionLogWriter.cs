using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Monitoring;

/// <summary>
/// Writes queued execution records in batches (each record with its Action results in the same write)
/// and purges expired ones at most once an hour, on the back of a write: no timer runs when nothing happens.
/// </summary>
internal sealed class ExecutionLogWriter(
    ExecutionRecorder recorder,
    IDbContextFactory<FlowgateDbContext> contexts,
    ExecutionRetention retention,
    TimeProvider clock,
    ILogger<ExecutionLogWriter> logger) : BackgroundService
{
    private const int MaxBatch = 100;
    private static readonly TimeSpan GatherWindow = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = recorder.Pending;
        // Not bound to stoppingToken: at shutdown the queue is completed and drained, so queued records are kept.
        while (await pending.WaitToReadAsync(CancellationToken.None))
        {
            // Under load, a moment's wait gathers many requests' records into one transaction (one commit, one fsync)
            // instead of one each; it delays only the write, never a request. Not while stopping: then drain at once.
            if (!stoppingToken.IsCancellationRequested && pending.Count < MaxBatch)
                await Task.Delay(GatherWindow, CancellationToken.None);
            var batch = new List<PendingExecution>();
            while (batch.Count < MaxBatch && pending.TryRead(out var item))
                batch.Add(item);
            await WriteAsync([.. batch.Where(p => p.Record is not null).Select(p => p.Record!)], [.. batch.Where(p => p.LogEvent is not null).Select(p => p.LogEvent!)]);
            foreach (var marker in batch.Where(p => p.Flushed is not null))
                marker.Flushed!.TrySetResult();
            await PurgeIfDueAsync();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        recorder.Complete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(IReadOnlyList<ExecutionRecord> records, IReadOnlyList<TenantLogEvent> logEvents)
    {
        if (records.Count == 0 && logEvents.Count == 0)
            return;
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.Executions.AddRange(records);
            db.LogEvents.AddRange(logEvents);
            await db.SaveChangesAsync();
        }
#pragma warning disable CA1031 // A failed write loses these records; the writer must live on for the next ones.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "{Records} execution record(s) and {Events} log event(s) could not be written", records.Count, logEvents.Count);
        }
    }

    private async Task PurgeIfDueAsync()
    {
        var now = clock.GetUtcNow();
        if (now - _lastPurge < PurgeInterval)
            return;
        _lastPurge = now;
        try
        {
            await retention.PurgeAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // Purging is housekeeping: it is tried again at the next interval.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Expired execution records could not be purged");
        }
    }
}
