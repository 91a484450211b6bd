using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Monitoring;

/// <summary>
/// One item of the monitoring write queue: a flow run to record, a tenant log event to write, or a flush marker
/// completed once the items before it are written.
/// </summary>
internal sealed record PendingExecution(FlowRun? Run, TaskCompletionSource? Flushed, TenantLogEvent? LogEvent = null);

/// <summary>A flow run as it ended, queued under the execution id its caller already has; the writer makes its record.</summary>
internal sealed record FlowRun(string Id, FlowExecutionRequest Request, FlowExecutionResult Result);
