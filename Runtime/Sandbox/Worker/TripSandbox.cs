using Flowgate.Runtime.Sandbox.Cache;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// The worker's sandbox for one flow trip's Actions. It plays <see cref="CachingSandbox"/>'s part within the flow: the
/// first Action gets the host's <c>api.cache</c> snapshot, each later one the snapshot plus the earlier Actions' writes
/// (ADR 0008); the writes themselves go back with the results, and the host applies them once. It also tells the worker
/// which request is in V8 for which flow (<paramref name="entering"/>, <paramref name="left"/>), for the stuck report.
/// </summary>
internal sealed class TripSandbox(IActionSandbox inner, string? cacheJson, long cacheNowMs, Action<ActionExecutionRequest> entering, Action<ActionExecutionRequest> left)
    : IActionSandbox
{
    private string? _cacheJson = cacheJson;
    private TriggerCache? _cache;

    public Task<ActionError?> PrepareAsync(ActionExecutionRequest request, CancellationToken cancellationToken) => inner.PrepareAsync(request, cancellationToken);

    public async Task<ActionExecutionResult> ExecuteAsync(ActionExecutionRequest request, CancellationToken cancellationToken)
    {
        request = request with { CacheJson = _cacheJson };
        entering(request);
        ActionExecutionResult result;
        try
        {
            result = await inner.ExecuteAsync(request, cancellationToken);
        }
        finally
        {
            left(request);
        }
        if (result.CacheWrites.Count > 0)
        {
            _cache ??= TriggerCache.From(_cacheJson, cacheNowMs);
            _cache.Apply(result.CacheWrites, cacheNowMs);
            _cacheJson = _cache.Snapshot(cacheNowMs);
        }
        return result;
    }

    // The worker's sandbox outlives the trip.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
