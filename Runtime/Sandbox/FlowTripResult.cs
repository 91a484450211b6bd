using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// What a flow trip did. When the worker was ended inside an Action (<see cref="CutAt"/>: its index), the result holds
/// the Actions that ran before it plus that Action's timeout, the outcome and the event (<see cref="EventJson"/>) as
/// they were when it started, so the executor applies the Action's failure policy and goes on from there.
/// </summary>
public sealed record FlowTripResult
{
    /// <summary>The flow's result, or the part of it that ran before the cut.</summary>
    public required FlowExecutionResult Result { get; init; }

    /// <summary>The index of the Action the worker was ended in; null when the trip ran to its end.</summary>
    public int? CutAt { get; init; }

    /// <summary>The event as the Action at <see cref="CutAt"/> received it.</summary>
    public string? EventJson { get; init; }
}
