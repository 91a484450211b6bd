using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// A flow sent to run in one go: its request, the Action to start at (after a suspension), the outcome so far, whether
/// the first Action runs its <c>onContinue...</c> handler, and the trigger's <c>api.cache</c> records (ADR 0008) as
/// the first Action sees them (later Actions see the earlier ones' writes, judged at <see cref="CacheNowMs"/>).
/// </summary>
public sealed record FlowTrip(FlowExecutionRequest Request, int Start, FlowOutcome Outcome, bool Resume)
{
    /// <summary>The cache records as JSON <c>{key: {value, expires_at}}</c>; null when empty.</summary>
    public string? CacheJson { get; init; }

    /// <summary>The host's clock (Unix ms) the snapshot was taken at; the flow's own writes are judged by it.</summary>
    public long CacheNowMs { get; init; }

    /// <summary>
    /// The result as the host keeps it: a worker sends a suspension back without the Actions (their code and secrets
    /// went out with the trip), so it is completed from this trip's request.
    /// </summary>
    public FlowTripResult Completed(FlowTripResult fromWorker) => fromWorker.Result.Suspension is { } suspension
        ? fromWorker with
        {
            Result = fromWorker.Result with
            {
                Suspension = suspension with { Request = Request with { EventJson = suspension.Request.EventJson }, Outcome = fromWorker.Result.Outcome },
            },
        }
        : fromWorker;
}
