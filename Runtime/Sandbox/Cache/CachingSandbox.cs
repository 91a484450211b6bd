using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Cache;

/// <summary>
/// Gives Actions Auth0's <c>api.cache</c> across executions: hands each execution its tenant's records for the
/// trigger and applies what it set or deleted, whichever worker or isolate ran it. A flow run in one trip gets one
/// snapshot (its later Actions see the earlier ones' writes there) and its writes are applied here once, in order.
/// </summary>
public sealed class CachingSandbox(IActionSandbox inner, ActionCaches caches) : IActionSandbox, IFlowSandbox
{
    /// <inheritdoc />
    public Task<ActionError?> PrepareAsync(ActionExecutionRequest request, CancellationToken cancellationToken) =>
        inner.PrepareAsync(request, cancellationToken);

    /// <inheritdoc />
    public async Task<ActionExecutionResult> ExecuteAsync(ActionExecutionRequest request, CancellationToken cancellationToken)
    {
        var cache = caches.For(request.TenantId, request.TriggerId);
        var snapshot = cache.Snapshot(caches.NowMs);
        var result = await inner.ExecuteAsync(snapshot is null ? request : request with { CacheJson = snapshot }, cancellationToken);
        if (result.CacheWrites.Count > 0)
        {
            cache.Apply(result.CacheWrites, caches.NowMs);
        }
        return result;
    }

    /// <inheritdoc />
    public async Task<FlowTripResult?> ExecuteFlowAsync(FlowTrip trip, CancellationToken cancellationToken)
    {
        if (inner is not IFlowSandbox flows)
        {
            return null;
        }
        var cache = caches.For(trip.Request.TenantId, trip.Request.TriggerId);
        var now = caches.NowMs;
        var result = await flows.ExecuteFlowAsync(trip with { CacheJson = cache.Snapshot(now), CacheNowMs = now }, cancellationToken);
        foreach (var action in result?.Result.Actions ?? [])
        {
            if (action.Result.CacheWrites.Count > 0)
            {
                cache.Apply(action.Result.CacheWrites, caches.NowMs);
            }
        }
        return result;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
