using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Cache;

/// <summary>
/// Gives Actions Auth0's <c>api.cache</c> across executions: hands each execution its tenant's records for the
/// trigger and applies what it set or deleted, whichever worker or isolate ran it.
/// </summary>
public sealed class CachingSandbox(IActionSandbox inner, ActionCaches caches) : IActionSandbox
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
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
