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
    // A flow trip's stuck report (how far it got), by request id; read under _overdue's lock.
    private readonly Dictionary<long, WorkerReply> _stuckReports = [];

    public bool IsEmpty => _pending.IsEmpty;

    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public void Add(long id, WorkerRequest message, TaskCompletionSource<WorkerReply> reply)
    {
        var timeout = message.Request.TimeoutMs is > 0 ? TimeSpan.FromMilliseconds(message.Request.TimeoutMs.Value) : options.Sandbox.DefaultTimeout;
        _pending[id] = new PendingRequest(reply, message, Stopwatch.GetTimestamp() + Ticks(timeout + Allowance(message, timeout)), timeout);
    }

    public bool Remove(long id) => _pending.TryRemove(id, out _);

    public void Complete(WorkerReply reply)
    {
        if (_pending.TryRemove(reply.Id, out var pending))
        {
            pending.Reply.TrySetResult(reply);
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

    /// <summary>Marks a request the worker reported stuck; a flow trip's <paramref name="report"/> says in which Action.</summary>
    public void MarkOverdue(long id, WorkerReply report)
    {
        lock (_overdue)
        {
            _overdue.Add(id);
            if (report.Flow is not null)
            {
                _stuckReports[id] = report;
            }
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
        countCrash(_pending.Where(p => !killedByWatchdog || IsOverdue(p.Key)).Select(p => CountedVersion(p.Key, p.Value)).OfType<string>().Distinct().ToList());
        var crash = killedByWatchdog ? null : crashed();
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Reply.TrySetResult(crash is not null ? new WorkerReply(id, crash)
                    : IsOverdue(id) ? StuckReport(id) is { Flow: { } cut } ? new WorkerReply(id, cut.Result.Actions[^1].Result, cut) : new WorkerReply(id, WorkerFailures.TimedOut(pending))
                    : new WorkerReply(id, WorkerFailures.Resend("The sandbox worker was ended for another execution; sent again.")));
            }
        }
    }

    // An Action counts the version it ran; a flow trip only the version its stuck report names (a crash or the backstop
    // cannot tell which of its Actions was running: the supervisor then runs those Actions one by one, see SandboxSupervisor).
    private string? CountedVersion(long id, PendingRequest pending) => pending.Message.Flow is { } flow
        ? StuckReport(id)?.Flow?.CutAt is { } cut ? flow.Request.Actions[cut].VersionId : null
        : pending.Message.Request.VersionId;

    private WorkerReply? StuckReport(long id)
    {
        lock (_overdue)
        {
            return _stuckReports.GetValueOrDefault(id);
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
