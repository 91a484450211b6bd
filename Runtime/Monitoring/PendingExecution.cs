namespace Flowgate.Runtime.Monitoring;

/// <summary>One item of the execution write queue: a record to write, or a flush marker completed once the records before it are written.</summary>
internal sealed record PendingExecution(ExecutionRecord? Record, TaskCompletionSource? Flushed);
