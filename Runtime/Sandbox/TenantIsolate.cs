using System.Collections.Concurrent;
using System.Text.Json;
using Flowgate.Runtime.Sandbox.Packages;
using Flowgate.Shared.Execution;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// One tenant's V8 isolate: its heap cap, its compiled versions and their warm contexts. Tenants
/// never share an isolate, so one tenant's code cannot see another's state or exhaust its heap.
/// The synchronous part of executions is serialized by an async gate instead of blocking threads
/// on V8's isolate lock.
/// </summary>
internal sealed class TenantIsolate : IDisposable
{
    private readonly V8Runtime _runtime;
    private readonly V8Script _prelude;
    private readonly SandboxOptions _options;
    private readonly CodeCache _codeCache;
    private readonly PackageScripts _packageScripts;
    private readonly ConcurrentDictionary<string, VersionSlot> _versions = new();
    private readonly Lock _compileLock = new();

    public TenantIsolate(string tenantId, SandboxOptions options, string preludeSource, CodeCache codeCache)
    {
        _options = options;
        _codeCache = codeCache;
        _runtime = new V8Runtime($"tenant:{tenantId}", new V8RuntimeConstraints { MaxArrayBufferAllocation = options.MaxArrayBufferBytes })
        {
            MaxHeapSize = (UIntPtr)((ulong)options.MaxHeapMegabytes << 20),
            MaxStackUsage = (UIntPtr)options.MaxStackBytes,
        };
        _prelude = _runtime.Compile(new DocumentInfo("flowgate:prelude"), preludeSource);
        _packageScripts = new PackageScripts(_runtime, codeCache);
    }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Set when the heap cap was breached; V8 leaves the isolate unusable, so it is rebuilt.</summary>
    public bool Broken { get; private set; }

    public void MarkBroken() => Broken = true;

    private int _users;

    public void Enter() => Interlocked.Increment(ref _users);

    /// <summary>True when this was the last user of a broken isolate, which the caller then disposes.</summary>
    public bool Exit() => Interlocked.Decrement(ref _users) == 0 && Broken;

    /// <summary>True when the version is compiled here (its packages, if any, were installed before).</summary>
    public bool HasVersion(string versionId) => _versions.ContainsKey(versionId);

    /// <summary>
    /// The compiled version, or the compile error (a <c>SyntaxError</c> with its location).
    /// <paramref name="packages"/> are the version's installed dependencies, used when it is compiled now.
    /// </summary>
    public (VersionSlot? Slot, ActionError? Error) GetVersion(ActionExecutionRequest request, PackageTree? packages = null)
    {
        if (_versions.TryGetValue(request.VersionId, out var slot))
        {
            return (slot, null);
        }
        lock (_compileLock)
        {
            if (_versions.TryGetValue(request.VersionId, out slot))
            {
                return (slot, null);
            }
            var size = System.Text.Encoding.UTF8.GetByteCount(request.Code);
            if (size > _options.MaxCodeBytes)
            {
                return (null, new ActionError("RangeError", $"The Action's code is {size} bytes; the limit is {_options.MaxCodeBytes} bytes.", null, ActionErrorClass.ActionError));
            }
            try
            {
                var module = _codeCache.Compile(_runtime, request.VersionId, SandboxScripts.ModuleWrapper(request.Code));
                slot = new VersionSlot(module, JsonSerializer.Serialize(request.Dependencies, JsonSerializerOptions.Web), _options.ContextsPerVersion,
                    packages, packages?.ManifestJson(_options.MaxPackageSourceBytes));
                _versions[request.VersionId] = slot;
                return (slot, null);
            }
            catch (ScriptEngineException e)
            {
                return (null, CompileError(e));
            }
        }
    }

    public (ActionContext? Context, ActionError? Error) CreateContext(VersionSlot slot, SandboxFetch fetch) =>
        ActionContext.Create(_runtime, _prelude, slot, _packageScripts, fetch);

    private static ActionError CompileError(ScriptEngineException e)
    {
        var message = e.Message;
        var colon = message.IndexOf(':');
        var name = colon > 0 && !message[..colon].Contains(' ') ? message[..colon] : "SyntaxError";
        return new ActionError(name, colon > 0 ? message[(colon + 1)..].Trim() : message, e.ErrorDetails, ActionErrorClass.ActionError);
    }

    public void Dispose()
    {
        foreach (var slot in _versions.Values)
        {
            slot.Dispose();
        }
        _packageScripts.Dispose();
        _prelude.Dispose();
        _runtime.Dispose();
        Gate.Dispose();
    }
}
