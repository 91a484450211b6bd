using System.Text.Json;
using System.Threading.Channels;
using Flowgate.Shared.Flows;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Monitoring;

/// <summary>
/// Keeps what a real trigger run did as an <see cref="ExecutionRecord"/>: per Action its status, commands,
/// console output, error with stack, timings. The caller gets the execution id at once and the record is
/// written in the background, so a slow or failing database never delays or fails a login.
/// </summary>
public sealed class ExecutionRecorder(ILogger<ExecutionRecorder> logger)
{
    private const int QueueCapacity = 10_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Bounded: a database outage must cost dropped records, not the server's memory.
    private readonly Channel<PendingExecution> _queue = Channel.CreateBounded<PendingExecution>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    // Completed when someone waits for the queue (FlushAsync): the writer stops gathering and writes at once.
    private TaskCompletionSource _flushWanted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ChannelReader<PendingExecution> Pending => _queue.Reader;

    /// <summary>Completes when a caller of <see cref="FlushAsync"/> is waiting; renewed by <see cref="Gathered"/>.</summary>
    internal Task FlushWanted => Volatile.Read(ref _flushWanted).Task;

    /// <summary>The writer took a batch: a flush asked for before now is served by it or by the next one.</summary>
    internal void Gathered()
    {
        if (Volatile.Read(ref _flushWanted).Task.IsCompleted)
            Volatile.Write(ref _flushWanted, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>Queues the record of one flow run; returns its execution id, or null when it could not be kept (logged).</summary>
    /// <remarks>
    /// Only the id is made here: the record (its redaction parses the event and scans every output) is built by the
    /// writer, off the request path, as is the tenant log event of a failed Action.
    /// </remarks>
    public string? Record(FlowExecutionRequest request, FlowExecutionResult result)
    {
        var id = Guid.NewGuid().ToString();
        if (_queue.Writer.TryWrite(new PendingExecution(new FlowRun(id, request, result), null)))
            return id;
        logger.LogWarning("Execution {ExecutionId} of {Trigger} was not recorded: the write queue is full or closed", id, request.TriggerId);
        return null;
    }

    /// <summary>The record of a queued run and, when an Action failed, its tenant log event; null when it cannot be built (logged).</summary>
    internal (ExecutionRecord Record, TenantLogEvent? Failure)? Build(FlowRun run)
    {
        try
        {
            var record = ToRecord(run.Request, run.Result, run.Id);
            // A failed Action also shows in the tenant log, whatever the trigger (Auth0's actions_execution_failed).
            return (record, ActionFailureEvent.From(record));
        }
#pragma warning disable CA1031 // Recording is a side effect of the login: whatever fails here is logged, never thrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Execution {ExecutionId} of {Trigger} could not be recorded", run.Id, run.Request.TriggerId);
            return null;
        }
    }

    /// <summary>Queues a tenant log event; like records, it is written in the background and never fails the caller.</summary>
    public void Log(TenantLogEvent logEvent)
    {
        if (!_queue.Writer.TryWrite(new PendingExecution(null, null, logEvent)))
            logger.LogWarning("Log event {Type} was not kept: the write queue is full or closed", logEvent.Type);
    }

    /// <summary>Completes once every record queued before the call has been written (or given up on).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new PendingExecution(null, flushed), cancellationToken);
        Volatile.Read(ref _flushWanted).TrySetResult();
        await flushed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking records; the writer drains what is queued and ends.</summary>
    internal void Complete() => _queue.Writer.TryComplete();

    internal static ExecutionRecord ToRecord(FlowExecutionRequest request, FlowExecutionResult result, string? id = null)
    {
        id ??= Guid.NewGuid().ToString();
        var now = DateTimeOffset.UtcNow;
        // The event's credentials are found once per record, not once per stored text.
        var credentials = SecretRedaction.EventCredentials(request.EventJson);
        var results = result.Actions.Select((action, index) => ToResult(request, result, action, index, id, credentials)).ToList();
        return new ExecutionRecord
        {
            Id = id,
            TenantId = request.TenantId,
            TriggerId = request.TriggerId,
            Status = StatusOf(result.Status),
            EventJson = SecretRedaction.Redact(request.EventJson, credentials)!,
            Results = results,
            CreatedAt = results.Count > 0 ? results[0].StartedAt : now,
            UpdatedAt = results.Count > 0 ? results[^1].EndedAt : now,
        };
    }

    private static ExecutionActionResult ToResult(FlowExecutionRequest request, FlowExecutionResult result, FlowActionResult action, int index, string id,
        IReadOnlyList<(string Value, string Replacement)> credentials)
    {
        var secrets = request.Actions.FirstOrDefault(a => a.ActionId == action.ActionId && a.VersionId == action.VersionId)?.Secrets
            ?? new Dictionary<string, string>();
        return new ExecutionActionResult
        {
            ExecutionId = id,
            Order = index,
            ActionId = action.ActionId,
            ActionName = action.ActionName,
            VersionId = action.VersionId,
            Status = ActionStatusOf(result, action, index),
            ErrorClass = action.Result.Error is { } error ? JsonNamingPolicy.SnakeCaseLower.ConvertName(error.Class.ToString()) : null,
            ErrorName = action.Result.Error?.Name,
            ErrorMessage = SecretRedaction.RedactStored(action.Result.Error?.Message, secrets, credentials),
            ErrorStack = SecretRedaction.RedactStored(action.Result.Error?.Stack, secrets, credentials),
            Logs = SecretRedaction.RedactStored(string.Join('\n', action.Result.Logs), secrets, credentials)!,
            CommandsJson = SecretRedaction.RedactStored(JsonSerializer.Serialize(action.Result.Commands, Json), secrets, credentials)!,
            StatsJson = JsonSerializer.Serialize(action.Result.Stats, Json),
            StartedAt = action.StartedAt,
            EndedAt = action.EndedAt,
        };
    }

    // Auth0's execution statuses: a flow that ran to its end (completed or denied) is final; one an error
    // stopped is partial (the Actions after it did not run); a redirect or challenge leaves it suspended.
    private static string StatusOf(FlowStatus status) => status switch
    {
        FlowStatus.Completed or FlowStatus.Denied => "final",
        FlowStatus.Failed => "partial",
        FlowStatus.Suspended => "suspended",
        FlowStatus.Dispatched => "pending",
        _ => "unspecified",
    };

    private static string ActionStatusOf(FlowExecutionResult result, FlowActionResult action, int index) =>
        action.Result.Error is not null ? "failed"
        : result.Status == FlowStatus.Suspended && index == result.Actions.Count - 1 ? "suspended"
        : "success";
}
