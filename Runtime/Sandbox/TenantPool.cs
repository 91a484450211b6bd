namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// One tenant's isolates: up to <see cref="SandboxOptions.IsolatesPerTenant"/>, created only when the
/// tenant's executions overlap. An execution takes the first isolate whose gate is free, so a light
/// tenant stays on one warm isolate, and a slow Action (or one V8 cannot interrupt) holds up only the
/// isolate it runs in while another core can serve the tenant's other logins.
/// </summary>
internal sealed class TenantPool(string tenantId, SandboxOptions options, string prelude, CodeCache codeCache) : IDisposable
{
    private readonly TenantIsolate?[] _isolates = new TenantIsolate?[options.IsolatesPerTenant];
    private readonly Lock _grow = new();
    private int _next;

    /// <summary>A free isolate, a new one while the pool may grow, else the next in turn (the caller queues on its gate).</summary>
    public TenantIsolate Take()
    {
        var isolates = _isolates;
        for (var i = 0; i < isolates.Length; i++)
        {
            var isolate = Volatile.Read(ref isolates[i]);
            if (isolate is null || isolate.Broken)
            {
                return Grow(i);
            }
            if (isolate.Gate.CurrentCount > 0)
            {
                return isolate;
            }
        }
        var turn = (int)((uint)Interlocked.Increment(ref _next) % (uint)isolates.Length);
        return Volatile.Read(ref isolates[turn]) is { Broken: false } next ? next : Grow(turn);
    }

    // Fills an empty slot, or replaces a broken isolate (V8 left it unusable; its last user disposes it).
    private TenantIsolate Grow(int slot)
    {
        lock (_grow)
        {
            if (_isolates[slot] is { Broken: false } raced)
            {
                return raced;
            }
            var isolate = new TenantIsolate(tenantId, options, prelude, codeCache);
            Volatile.Write(ref _isolates[slot], isolate);
            return isolate;
        }
    }

    public void Dispose()
    {
        foreach (var isolate in _isolates)
        {
            if (isolate is { Broken: false })
            {
                isolate.Dispose();
            }
        }
    }
}
