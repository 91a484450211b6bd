using System.Collections.Concurrent;
using System.Diagnostics;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// The requests a worker has not answered, and which of them the watchdog gave up on. When the worker ends,
/// <see cref="End"/> says who failed how: after a watchdog kill the overdue ones time out and the others are
/// sent again; after a crash all of them fail as <c>platform_error</c> (nobody knows which one caused it).
/// </summary>
internal sealed class PendingRequests(SandboxWorkerOptions options)
{
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly HashSet<long> _overdue = [];

    public bool IsEmpty => _pending.IsEmpty;

    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public void Add(long id, WorkerRequest message, TaskCompletionSource<ActionExecutionResult> reply)
    {
        var timeout = message.Request.TimeoutMs is > 0 ? TimeSpan.FromMilliseconds(message.Request.TimeoutMs.Value) : options.Sandbox.DefaultTimeout;
        _pending[id] = new PendingRequest(reply, message, Stopwatch.GetTimestamp() + Ticks(timeout + Allowance(message, timeout)), timeout);
    }

    public bool Remove(long id) => _pending.TryRemove(id, out _);

    public void Complete(long id, ActionExecutionResult result)
    {
        if (_pending.TryRemove(id, out var pending))
        {
            pending.Reply.TrySetResult(result);
        }
    }

    // The worker reports an execution stuck in V8 itself (WorkerErrors.Stuck), timed from when it entered its isolate;
    // this backstop, timed from sending, also covers the queue before that (hence twice the deadline) and a worker
    // that cannot report. Installing npm packages (first request of a version with dependencies) may take the network.
    private TimeSpan Allowance(WorkerRequest message, TimeSpan timeout) =>
        timeout + options.Sandbox.WatchdogGrace + (message.Request.Dependencies.Count > 0 && !message.CodeOmitted ? options.PackageInstallAllowance : TimeSpan.Zero);

    /// <summary>
    /// Marks the requests past their backstop deadline, if the worker has also been silent for longer than their
    /// deadline (one that answers others is alive: under load its queue may outlast a deadline). True when any is.
    /// </summary>
    public bool MarkOverdue(long now, long silentTicks)
    {
        lock (_overdue)
        {
            foreach (var (id, pending) in _pending)
            {
                if (pending.DeadlineTicks < now && silentTicks > Ticks(pending.Timeout))
                {
                    _overdue.Add(id);
                }
            }
            return _overdue.Count > 0;
        }
    }

    public void MarkOverdue(long id)
    {
        lock (_overdue)
        {
            _overdue.Add(id);
        }
    }

    /// <summary>Fails or hands back every request; returns the versions that count toward quarantine. Call once the worker is gone.</summary>
    public void End(Func<ActionExecutionResult> crashed, Action<IReadOnlyCollection<string>> countCrash)
    {
        bool killedByWatchdog;
        lock (_overdue)
        {
            killedByWatchdog = _overdue.Count > 0;
        }
        // Quarantine counts first, so the version is refused before anyone learns of the failure.
        countCrash(_pending.Where(p => !killedByWatchdog || IsOverdue(p.Key)).Select(p => p.Value.Message.Request.VersionId).Distinct().ToList());
        var crash = killedByWatchdog ? null : crashed();
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Reply.TrySetResult(crash ?? (IsOverdue(id)
                    ? WorkerFailures.TimedOut(pending)
                    : WorkerFailures.Resend("The sandbox worker was ended for another execution; sent again.")));
            }
        }
    }

    private bool IsOverdue(long id)
    {
        lock (_overdue)
        {
            return _overdue.Contains(id);
        }
    }
}
