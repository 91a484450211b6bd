using System.Diagnostics;
using System.Text.Json;
using Flowgate.Runtime.Sandbox.Packages;
using Flowgate.Shared.Execution;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// One V8 context with the prelude evaluated and one Action version loaded. A warm execution that
/// awaits nothing external is two calls into V8: <c>run</c> (event JSON in) and <c>take</c> (result
/// JSON out). Awaited host work comes back through <c>deliver</c>, again under the tenant's gate.
/// </summary>
internal sealed class ActionContext : IDisposable
{
    private readonly V8ScriptEngine _engine;
    private readonly SandboxHost _host;
    private readonly ScriptObject _run;
    private readonly ScriptObject _take;
    private readonly ScriptObject _deliver;
    private int _inScript;
    private int _interrupted;

    private ActionContext(V8ScriptEngine engine, SandboxHost host, ScriptObject entry)
    {
        _engine = engine;
        _host = host;
        _run = (ScriptObject)entry.GetProperty(1);
        _take = (ScriptObject)entry.GetProperty(2);
        _deliver = (ScriptObject)entry.GetProperty(3);
    }

    /// <summary>False once the context ran into a deadline or a limit; it is then discarded, not pooled.</summary>
    public bool Reusable { get; private set; } = true;

    /// <summary>
    /// Creates a context; returns the Action's load error instead when its top level throws. The
    /// version's packages load here too, as the Action requires them (the host serves each file once per context).
    /// </summary>
    public static (ActionContext? Context, ActionError? Error) Create(V8Runtime runtime, V8Script prelude, VersionSlot slot, PackageScripts packageScripts, SandboxFetch fetch)
    {
        var engine = runtime.CreateScriptEngine();
        try
        {
            var host = new SandboxHost(fetch);
            var entry = (ScriptObject)((ScriptObject)engine.Evaluate(prelude)).Invoke(false, host);
            var packages = slot.Packages is { } tree ? new PackageModuleHost(engine, tree, packageScripts) : null;
            if (((ScriptObject)entry.GetProperty(0)).Invoke(false, engine.Evaluate(slot.Module), slot.DependenciesJson, slot.ManifestJson, packages) is string loadError)
            {
                engine.Dispose();
                return (null, ScriptOutcome.ParseError(loadError));
            }
            return (new ActionContext(engine, host, entry), null);
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs one execution. The caller holds <paramref name="gate"/> (the tenant's isolate); it is
    /// released while the Action awaits the host and always released on return. <paramref name="stuck"/> is called
    /// when the execution is still inside V8 <paramref name="grace"/> after the deadline's interrupt.
    /// </summary>
    public async Task<ActionExecutionResult> ExecuteAsync(ActionExecutionRequest request, TimeSpan timeout, SemaphoreSlim gate, CancellationToken cancellationToken,
        Action? stuck = null, TimeSpan grace = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        _host.Begin(deadline.Token);
        var started = Stopwatch.GetTimestamp();
        var held = true;
        using var interruptAtDeadline = deadline.Token.Register(() => Interrupt(stuck, grace));
        try
        {
            var secrets = request.Secrets.Count == 0 ? "{}" : JsonSerializer.Serialize(request.Secrets);
            var json = Enter(() =>
            {
                // Microtasks run when the call into V8 returns, so a handler that awaited only settled
                // promises has its result by the second call.
                return _run.Invoke(false, request.EventJson, secrets, request.TriggerId, request.Handler, request.CacheJson ?? "") as string
                    ?? _take.Invoke(false) as string;
            });
            while (json is null)
            {
                gate.Release();
                held = false;
                var reply = await _host.Replies.ReadAsync(deadline.Token);
                await gate.WaitAsync(deadline.Token);
                held = true;
                json = Enter(() =>
                {
                    _deliver.Invoke(false, reply.Id, reply.Ok, reply.Value);
                    return _take.Invoke(false) as string;
                });
            }
            var outcome = ScriptOutcome.Parse(json);
            return outcome with
            {
                Stats = new ActionExecutionStats
                {
                    ActionDurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    ExternalCallDurationMs = _host.ExternalTime.TotalMilliseconds,
                },
            };
        }
        catch (Exception e) when (e is OperationCanceledException || (e is ScriptInterruptedException && Volatile.Read(ref _interrupted) == 1))
        {
            Reusable = false;
            return cancellationToken.IsCancellationRequested
                ? ActionExecutionResult.Failed(ActionErrorClass.PlatformError, "CanceledError", "The execution was canceled by the caller.")
                : ActionExecutionResult.Failed(ActionErrorClass.ActionTimeout, "TimeoutError", $"The Action did not finish within {timeout.TotalMilliseconds:0} ms.");
        }
        finally
        {
            if (held)
            {
                gate.Release();
            }
        }
    }

    // Interrupt only while this context's own call runs: V8 terminates whatever runs in the isolate.
    private string? Enter(Func<string?> call)
    {
        Interlocked.Exchange(ref _inScript, 1);
        try
        {
            if (Volatile.Read(ref _interrupted) == 1)
            {
                throw new OperationCanceledException();
            }
            return call();
        }
        finally
        {
            Interlocked.Exchange(ref _inScript, 0);
        }
    }

    private void Interrupt(Action? stuck, TimeSpan grace)
    {
        Interlocked.Exchange(ref _interrupted, 1);
        Reusable = false;
        if (Volatile.Read(ref _inScript) == 1)
        {
            _engine.Interrupt();
            if (stuck is not null)
            {
                _ = ReportIfStillInsideAsync(stuck, grace);
            }
        }
    }

    // After an interrupt this context runs no new call (Enter refuses), so still inside means the same call never stopped.
    private async Task ReportIfStillInsideAsync(Action stuck, TimeSpan grace)
    {
        await Task.Delay(grace);
        if (Volatile.Read(ref _inScript) == 1)
        {
            stuck();
        }
    }

    public void Dispose() => _engine.Dispose();
}
