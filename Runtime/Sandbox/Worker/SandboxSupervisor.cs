using System.Collections.Concurrent;
using Flowgate.Shared.Execution;

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
public sealed class SandboxSupervisor : IActionSandbox
{
    private readonly SandboxWorkerOptions _options;
    private readonly WorkerConnection?[] _workers;
    private readonly SemaphoreSlim[] _starting;
    private readonly ConcurrentDictionary<string, int> _crashes = new();
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

    /// <summary>True when executions of this version are refused.</summary>
    public bool IsQuarantined(string versionId) => _crashes.TryGetValue(versionId, out var n) && n >= _options.QuarantineAfterCrashes;

    /// <summary>Lifts a quarantine (e.g. after the operator raised a limit).</summary>
    public void Release(string versionId) => _crashes.TryRemove(versionId, out _);

    /// <inheritdoc />
    public async Task<ActionError?> PrepareAsync(ActionExecutionRequest request, CancellationToken cancellationToken) =>
        (await SendAsync("prepare", request, cancellationToken)).Error;

    /// <inheritdoc />
    public Task<ActionExecutionResult> ExecuteAsync(ActionExecutionRequest request, CancellationToken cancellationToken) =>
        SendAsync("execute", request, cancellationToken);

    private async Task<ActionExecutionResult> SendAsync(string kind, ActionExecutionRequest request, CancellationToken cancellationToken)
    {
        if (IsQuarantined(request.VersionId))
        {
            return ActionExecutionResult.Failed(ActionErrorClass.PlatformError, "QuarantinedError",
                $"This Action version is quarantined: it ended the sandbox worker process {_crashes[request.VersionId]} times.");
        }
        try
        {
            for (var send = 1; ; send++)
            {
                var worker = await WorkerForAsync(request.TenantId, cancellationToken);
                var result = await worker.SendAsync(kind, request, cancellationToken);
                if (result.Error?.Name != WorkerErrors.Resend)
                {
                    return result;
                }
                if (send == MaxSends)
                {
                    return ActionExecutionResult.Failed(ActionErrorClass.PlatformError, "WorkerCrashError",
                        $"The sandbox worker was ended {MaxSends} times while this execution waited for it (other Actions passed their deadline).");
                }
            }
        }
        catch (OperationCanceledException)
        {
            return ActionExecutionResult.Failed(ActionErrorClass.PlatformError, "CanceledError", "The execution was canceled by the caller.");
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return ActionExecutionResult.Failed(ActionErrorClass.PlatformError, "WorkerStartError", $"The sandbox worker could not be started: {e.Message}");
        }
    }

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
            var worker = await WorkerConnection.StartAsync(_options, RecordCrash, cancellationToken);
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
