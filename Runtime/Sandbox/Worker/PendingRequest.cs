namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// A request sent to a worker and not yet answered. <paramref name="DeadlineTicks"/> (a
/// <see cref="System.Diagnostics.Stopwatch"/> timestamp) is when the watchdog gives up on it and ends the worker.
/// </summary>
internal sealed record PendingRequest(TaskCompletionSource<WorkerReply> Reply, WorkerRequest Message, long DeadlineTicks, TimeSpan Timeout);
