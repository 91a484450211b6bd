using System.Collections.Concurrent;
using Flowgate.Runtime.Sandbox.Packages;
using Microsoft.ClearScript.V8;

namespace Flowgate.Runtime.Sandbox;

/// <summary>One deployed version inside one tenant's isolate: its compiled code, its installed packages and its warm contexts.</summary>
internal sealed class VersionSlot(V8Script module, string dependenciesJson, int capacity, PackageTree? packages = null, string? manifestJson = null) : IDisposable
{
    private readonly ConcurrentBag<ActionContext> _idle = [];
    private int _count;

    public V8Script Module => module;

    /// <summary>The version's declared npm dependencies, as JSON for the module loader.</summary>
    public string DependenciesJson => dependenciesJson;

    /// <summary>The installed npm packages the version may require; null when it declares none.</summary>
    public PackageTree? Packages => packages;

    /// <summary>The packages' manifest for the module loader (<see cref="PackageTree.ManifestJson"/>), built once per version.</summary>
    public string? ManifestJson => manifestJson;

    public bool TryTake(out ActionContext context)
    {
        if (_idle.TryTake(out var found))
        {
            Interlocked.Decrement(ref _count);
            context = found;
            return true;
        }
        context = null!;
        return false;
    }

    public void Return(ActionContext context)
    {
        if (context.Reusable && Interlocked.Increment(ref _count) <= capacity)
        {
            _idle.Add(context);
            return;
        }
        if (context.Reusable)
        {
            Interlocked.Decrement(ref _count);
        }
        context.Dispose();
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var context))
        {
            context.Dispose();
        }
        module.Dispose();
    }
}
