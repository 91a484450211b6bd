using System.Collections.Concurrent;
using System.Diagnostics;
using Flowgate.Runtime.Sandbox.Packages;
using Flowgate.Runtime.Triggers;
using Flowgate.Shared.Execution;
using Microsoft.ClearScript;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// The in-process sandbox: a small pool of V8 isolates per tenant (<see cref="TenantPool"/>), each
/// version compiled once per isolate (from the code cache), a small pool of warm contexts per version.
/// Used directly for development, tests and the benchmark, and inside
/// each sandbox worker process. V8 can abort its process on some allocation patterns, so the login
/// server runs Actions through <see cref="Worker.SandboxSupervisor"/>, which hosts this class in workers.
/// </summary>
public sealed class V8ActionSandbox : IActionSandbox
{
    private readonly SandboxOptions _options;
    private readonly string _prelude;
    private readonly CodeCache _codeCache = new();
    private readonly SandboxFetch _fetch;
    private readonly PackageInstaller _packages;
    private readonly ConcurrentDictionary<string, TenantPool> _tenants = new();

    private readonly Action<ActionExecutionRequest>? _stuck;

    /// <summary>
    /// Creates the sandbox with the given limits (defaults when null). <paramref name="stuck"/> is told of an execution
    /// still inside V8 <see cref="SandboxOptions.WatchdogGrace"/> after its deadline (only ending the process frees it).
    /// </summary>
    public V8ActionSandbox(SandboxOptions? options = null, Action<ActionExecutionRequest>? stuck = null)
    {
        _stuck = stuck;
        _options = options ?? new SandboxOptions();
        _options.Validate();
        _prelude = SandboxScripts.Prelude(_options.MaxLogCharacters);
        _fetch = new SandboxFetch(_options);
        _packages = PackageInstaller.Create(_options.NpmRegistry, _options.DataDirectory);
    }

    /// <inheritdoc />
    public async Task<ActionError?> PrepareAsync(ActionExecutionRequest request, CancellationToken cancellationToken)
    {
        var result = await RunAsync(request, prepareOnly: true, cancellationToken);
        return result.Error;
    }

    /// <inheritdoc />
    public Task<ActionExecutionResult> ExecuteAsync(ActionExecutionRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, prepareOnly: false, cancellationToken);

    private async Task<ActionExecutionResult> RunAsync(ActionExecutionRequest request, bool prepareOnly, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (Reject(request) is { } rejected)
        {
            return ActionExecutionResult.Failed(ActionErrorClass.ActionError, rejected.Name, rejected.Message);
        }
        var isolate = Isolate(request.TenantId);
        isolate.Enter();
        ActionContext? context = null;
        VersionSlot? slot = null;
        var inside = false;
        void Leave()
        {
            if (inside)
            {
                inside = false;
                isolate.Gate.Release();
            }
        }
        try
        {
            // Dependencies are installed (or read from the cache) before a version compiles, outside the gate: it may take the network.
            var packages = request.Dependencies.Count == 0 || isolate.HasVersion(request.VersionId)
                ? null
                : await _packages.InstallAsync(request.Dependencies, cancellationToken);
            await isolate.Gate.WaitAsync(cancellationToken);
            inside = true;
            var (version, compileError) = isolate.GetVersion(request, packages);
            if (compileError is not null)
            {
                return new ActionExecutionResult { Error = compileError };
            }
            slot = version!;
            var warm = slot.TryTake(out context);
            if (!warm)
            {
                (context, var loadError) = isolate.CreateContext(slot, _fetch);
                if (loadError is not null)
                {
                    return new ActionExecutionResult { Error = loadError };
                }
            }
            var bootMs = warm ? 0 : Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (prepareOnly)
            {
                return new ActionExecutionResult { Stats = new ActionExecutionStats { BootDurationMs = bootMs } };
            }
            var timeout = request.TimeoutMs is > 0 ? TimeSpan.FromMilliseconds(request.TimeoutMs.Value) : _options.DefaultTimeout;
            inside = false;
            var result = await context!.ExecuteAsync(request, timeout, isolate.Gate, cancellationToken,
                _stuck is null ? null : () => _stuck(request), _options.WatchdogGrace);
            return result with
            {
                Stats = result.Stats with { BootDurationMs = bootMs, Warm = warm, TotalRequestDurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds },
            };
        }
        catch (ScriptEngineException e) when (IsMemoryBreach(e, isolate))
        {
            isolate.MarkBroken();
            return ActionExecutionResult.Failed(ActionErrorClass.ActionError, "RangeError",
                $"The Action exceeded the memory limit of {_options.MaxHeapMegabytes} MB; its isolate was discarded.");
        }
        catch (OperationCanceledException)
        {
            return ActionExecutionResult.Failed(ActionErrorClass.PlatformError, "CanceledError", "The execution was canceled by the caller.");
        }
        catch (PackageException e)
        {
            return ActionExecutionResult.Failed(e.RegistryUnavailable ? ActionErrorClass.PlatformError : ActionErrorClass.ActionError, "DependencyError", e.Message);
        }
        catch (Exception e) when (e is ScriptEngineException or InvalidOperationException or ObjectDisposedException)
        {
            return ActionExecutionResult.Failed(ActionErrorClass.PlatformError, e.GetType().Name, e.Message);
        }
        finally
        {
            Leave();
            if (context is not null)
            {
                if (isolate.Broken) context.Dispose(); else slot!.Return(context);
            }
            Retire(isolate);
        }
    }

    // The code's size is checked where it is compiled (TenantIsolate), not on every warm execution.
    private static ActionError? Reject(ActionExecutionRequest request) =>
        TriggerCatalog.Find(request.TriggerId) is null
            ? new ActionError("TypeError", $"Unknown trigger '{request.TriggerId}'.", null, ActionErrorClass.ActionError)
            : null;

    private static bool IsMemoryBreach(ScriptEngineException e, TenantIsolate isolate) =>
        e.Message.Contains("memory limit", StringComparison.OrdinalIgnoreCase) || isolate.Broken;

    private TenantIsolate Isolate(string tenantId) =>
        (_tenants.TryGetValue(tenantId, out var pool) ? pool : _tenants.GetOrAdd(tenantId, id => new TenantPool(id, _options, _prelude, _codeCache))).Take();

    private void Retire(TenantIsolate isolate)
    {
        if (isolate.Exit())
        {
            isolate.Dispose();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var pool in _tenants.Values)
        {
            pool.Dispose();
        }
        _tenants.Clear();
        _fetch.Dispose();
        _packages.Dispose();
        return ValueTask.CompletedTask;
    }
}
