using System.Collections.Concurrent;

namespace Flowgate.Runtime.Sandbox.Cache;

/// <summary>
/// The authoritative <c>api.cache</c> of every tenant and trigger, in the host's memory (ADR 0008): each
/// execution gets a snapshot and its writes come back with its result. Per instance, like Auth0's, best effort.
/// </summary>
public sealed class ActionCaches(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Tenant, string Trigger), TriggerCache> _caches = new();

    internal long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    internal TriggerCache For(string tenantId, string triggerId) => _caches.GetOrAdd((tenantId, triggerId), _ => new TriggerCache());
}
