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
    // Each write is a transaction with its own commit (and fsync): measured under the client_credentials bench, a 20 ms
    // window gathered 2-3 grants' records per write, and the writer took 16 % of the server's CPU samples.
    private static readonly TimeSpan GatherWindow = TimeSpan.FromMilliseconds(100);
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
            // Not when a caller waits for the queue (FlushAsync) either.
            if (!stoppingToken.IsCancellationRequested && pending.Count < MaxBatch)
                await Task.WhenAny(Task.Delay(GatherWindow, CancellationToken.None), recorder.FlushWanted);
            recorder.Gathered();
            var batch = new List<PendingExecution>();
            while (batch.Count < MaxBatch && pending.TryRead(out var item))
                batch.Add(item);
            var (records, logEvents) = Split(batch);
            await WriteAsync(records, logEvents);
            foreach (var marker in batch.Where(p => p.Flushed is not null))
                marker.Flushed!.TrySetResult();
            await PurgeIfDueAsync();
        }
    }

    private (List<ExecutionRecord> Records, List<TenantLogEvent> LogEvents) Split(List<PendingExecution> batch)
    {
        var records = new List<ExecutionRecord>();
        var logEvents = new List<TenantLogEvent>();
        foreach (var item in batch)
        {
            if (item.Run is { } run && recorder.Build(run) is var (record, failure))
            {
                records.Add(record);
                if (failure is not null)
                    logEvents.Add(failure);
            }
            if (item.LogEvent is not null)
                logEvents.Add(item.LogEvent);
        }
        return (records, logEvents);
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
            // Only inserts, never read back: straight INSERTs (one prepared statement per table on SQLite) instead of the
            // change tracker, which took half of this writer's CPU under the client_credentials bench with Actions bound.
            // One transaction: one commit for the batch, and a record is never written without its Action results.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await BulkInsert.InsertAsync(db, records, CancellationToken.None);
                await BulkInsert.InsertAsync(db, [.. records.SelectMany(r => r.Results)], CancellationToken.None);
                await BulkInsert.InsertAsync(db, logEvents, CancellationToken.None);
                await transaction.CommitAsync();
            });
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
