namespace Flowgate.Shared.Flows;

/// <summary>
/// A suspended trigger execution, serializable so the host can keep it across the redirect or
/// challenge. Resuming runs the suspending Action's <c>onContinue...</c> handler, then the rest.
/// </summary>
public sealed record FlowSuspension
{
    /// <summary>The original request, with the event as it was when the flow suspended.</summary>
    public required FlowExecutionRequest Request { get; init; }

    /// <summary>The index of the Action that suspended the flow.</summary>
    public required int ActionIndex { get; init; }

    /// <summary>The outcome accumulated so far.</summary>
    public required FlowOutcome Outcome { get; init; }
}
