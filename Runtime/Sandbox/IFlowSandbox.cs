namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// A sandbox that can run a whole blocking flow in one go, with the flow executor's semantics, where the Actions run
/// (a worker process), instead of one round trip per Action. Optional: <see cref="Flows.FlowExecutor"/> uses it when
/// the sandbox offers it, and runs the flow Action by Action when it answers null.
/// </summary>
public interface IFlowSandbox
{
    /// <summary>
    /// Runs <paramref name="trip"/>'s Actions from its start; null when this sandbox will not take this flow (the caller
    /// runs it Action by Action). Never throws for anything the Actions do.
    /// </summary>
    Task<FlowTripResult?> ExecuteFlowAsync(FlowTrip trip, CancellationToken cancellationToken);
}
