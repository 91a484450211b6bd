namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>
/// Runs a trigger's applied flow (every bound Action, its deployed version, in order) against an
/// event, for the canvas's "Test flow" drawer. The drawer is shown only when an implementation is registered.
/// </summary>
public interface IFlowTestRunner
{
    /// <summary>Runs the flow of <paramref name="triggerId"/> with <paramref name="eventJson"/> as the event.</summary>
    Task<FlowTestOutcome> RunAsync(string triggerId, string eventJson, CancellationToken cancellationToken);
}
