namespace Flowgate.Runtime.Monitoring;

/// <summary>
/// One item of the monitoring write queue: an execution record or a tenant log event to write, or a
/// flush marker completed once the items before it are written.
/// </summary>
internal sealed record PendingExecution(ExecutionRecord? Record, TaskCompletionSource? Flushed, TenantLogEvent? LogEvent = null);
