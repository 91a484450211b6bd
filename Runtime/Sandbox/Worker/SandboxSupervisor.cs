using System.Collections.Concurrent;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// Runs Actions in supervised worker processes, so an Action that makes V8 abort its process
/// (e.g. <c>new Array(3e8).fill(1.5)</c>) fails only its own in-flight executions. Tenants map to a
/// fixed worker (warm isolates); a dead worker is replaced on the next request; a version that
/// ended a worker <see cref="SandboxWorkerOptions.QuarantineAfterCrashes"/> times is quarantined.
/// A watchdog ends a worker whose execution stayed in V8 past its deadline plus <see cref="SandboxOptions.WatchdogGrace"/>
/// (the worker reports it) or went unanswered far longer; that execution fails as <c>action_timeout</c> and the
/// others in flight there are sent again.
/// </summary>
public sealed class SandboxSupervisor : IActionSandbox, IFlowSandbox
{
    private readonly SandboxWorkerOptions _options;
    private readonly WorkerConnection?[] _workers;
    private readonly SemaphoreSlim[] _starting;
    private readonly ConcurrentDictionary<string, int> _crashes = new();
    // Versions of a flow trip whose worker ended without saying which Action ran: from then on they go one by one.
    private readonly ConcurrentDictionary<string, bool> _oneByOne = new();
    private readonly RequestCounter _sent = new();
    private readonly Timer _watchdog;
    private const int MaxSends = 3;

    /// <summary>Creates the supervisor; workers start on first use.</summary>
    public SandboxSupervisor(SandboxWorkerOptions options)
    {
        options.Validate();
        _options = options;
        _workers = new WorkerConnection?[options.WorkerCount];
        _starting = Enumerable.Range(0, options.WorkerCount).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        var every = TimeSpan.FromMilliseconds(Math.Clamp(options.Sandbox.WatchdogGrace.TotalMilliseconds / 4, 10, 250));
        _watchdog = new Timer(_ => Watch(), null, every, every);
    }

    private void Watch()
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var worker in _workers)
        {
            worker?.KillIfOverdue(now);
        }
    }

    /// <summary>Action version ids refused because they kept ending workers.</summary>
    public IReadOnlyCollection<string> QuarantinedVersions =>
        _crashes.Where(c => c.Value >= _options.QuarantineAfterCrashes).Select(c => c.Key).ToList();

    /// <summary>Process ids of the running workers (the fault tests and bench kill one).</summary>
    internal IReadOnlyList<int> WorkerProcessIds => _workers.Where(w => w is { IsAlive: true }).Select(w => w!.ProcessId).ToList();

    /// <summary>Requests written to workers so far (a flow trip is one).</summary>
    internal long RequestsSent => _sent.Count;

    /// <summary>True when executions of this version are refused.</summary>
    public bool IsQuarantined(string versionId) => _crashes.TryGetValue(versionId, out var n) && n >= _options.QuarantineAfterCrashes;

    /// <summary>Lifts a quarantine (e.g. after the operator raised a limit).</summary>
    public void Release(string versionId)
    {
        _crashes.TryRemove(versionId, out _);
        _oneByOne.TryRemove(versionId, out _);
    }

    /// <inheritdoc />
    public async Task<ActionError?> PrepareAsync(ActionExecutionRequest request, CancellationToken cancellationToken) =>
        (await SendAsync("prepare", request, cancellationToken)).Error;

    /// <inheritdoc />
    public Task<ActionExecutionResult> ExecuteAsync(ActionExecutionRequest request, CancellationToken cancellationToken) =>
        SendAsync("execute", request, cancellationToken);

    /// <summary>
    /// Runs a flow of two or more Actions in one trip to the tenant's worker (<see cref="FlowTrips"/>); null when the
    /// setting is off, or an Action is quarantined or must go alone (its quarantine is judged per Action).
    /// </summary>
    public async Task<FlowTripResult?> ExecuteFlowAsync(FlowTrip trip, CancellationToken cancellationToken)
    {
        var actions = trip.Request.Actions;
        if (!_options.OneTripPerFlow || actions.Count - trip.Start < 2 || actions.Skip(trip.Start).Any(a => IsQuarantined(a.VersionId) || _oneByOne.ContainsKey(a.VersionId)))
        {
            return null;
        }
        var reply = await SendAsync(trip.Request.TenantId, (worker, token) => worker.SendFlowAsync(trip, _options.Sandbox.DefaultTimeout, token), cancellationToken);
        if (reply.Flow is { } flow)
        {
            return trip.Completed(flow);
        }
        // The worker ended (a crash, or the backstop) without saying which Action ran: none is counted toward quarantine,
        // and the flow's Actions go one by one from now on, so the next time the one that ends workers is.
        if (reply.Result.Error is { Name: "WorkerCrashError" } or { Class: ActionErrorClass.ActionTimeout })
        {
            foreach (var action in actions)
            {
                _oneByOne.TryAdd(action.VersionId, true);
            }
        }
        return new FlowTripResult { Result = new FlowExecutionResult { Status = FlowStatus.Failed, Outcome = trip.Outcome, Error = reply.Result.Error } };
    }

    private async Task<ActionExecutionResult> SendAsync(string kind, ActionExecutionRequest request, CancellationToken cancellationToken)
    {
        if (IsQuarantined(request.VersionId))
        {
            return ActionExecutionResult.Failed(ActionErrorClass.PlatformError, "QuarantinedError",
                $"This Action version is quarantined: it ended the sandbox worker process {_crashes[request.VersionId]} times.");
        }
        return (await SendAsync(request.TenantId, (worker, token) => worker.SendAsync(kind, request, token), cancellationToken)).Result;
    }

    // Sends to the tenant's worker, again to its replacement when the watchdog ended it for another execution's sake.
    private async Task<WorkerReply> SendAsync(string tenantId, Func<WorkerConnection, CancellationToken, Task<WorkerReply>> send, CancellationToken cancellationToken)
    {
        try
        {
            for (var sends = 1; ; sends++)
            {
                var worker = await WorkerForAsync(tenantId, cancellationToken);
                var reply = await send(worker, cancellationToken);
                if (reply.Result.Error?.Name != WorkerErrors.Resend)
                {
                    return reply;
                }
                if (sends == MaxSends)
                {
                    return Failed(ActionErrorClass.PlatformError, "WorkerCrashError",
                        $"The sandbox worker was ended {MaxSends} times while this execution waited for it (other Actions passed their deadline).");
                }
            }
        }
        catch (OperationCanceledException)
        {
            return Failed(ActionErrorClass.PlatformError, "CanceledError", "The execution was canceled by the caller.");
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return Failed(ActionErrorClass.PlatformError, "WorkerStartError", $"The sandbox worker could not be started: {e.Message}");
        }
    }

    private static WorkerReply Failed(ActionErrorClass errorClass, string name, string message) => new(0, ActionExecutionResult.Failed(errorClass, name, message));

    private async Task<WorkerConnection> WorkerForAsync(string tenantId, CancellationToken cancellationToken)
    {
        var slot = (int)((uint)StableHash(tenantId) % (uint)_workers.Length);
        if (_workers[slot] is { IsAlive: true } ready)
        {
            return ready;
        }
        await _starting[slot].WaitAsync(cancellationToken);
        try
        {
            if (_workers[slot] is { IsAlive: true } started)
            {
                return started;
            }
            if (_workers[slot] is { } dead)
            {
                await dead.DisposeAsync();
            }
            var worker = await WorkerConnection.StartAsync(_options, RecordCrash, _sent, cancellationToken);
            _workers[slot] = worker;
            return worker;
        }
        finally
        {
            _starting[slot].Release();
        }
    }

    private void RecordCrash(IReadOnlyCollection<string> versionIds)
    {
        foreach (var versionId in versionIds)
        {
            _crashes.AddOrUpdate(versionId, 1, (_, n) => n + 1);
        }
    }

    // string.GetHashCode is randomized per process; affinity only needs stability within this one.
    private static int StableHash(string value) => value.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _watchdog.DisposeAsync();
        foreach (var worker in _workers)
        {
            if (worker is not null)
            {
                await worker.DisposeAsync();
            }
        }
        foreach (var gate in _starting)
        {
            gate.Dispose();
        }
    }
}
