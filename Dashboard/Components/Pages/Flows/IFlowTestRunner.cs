using Flowgate.Runtime.Flows;

namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>
/// Runs a trigger's flow (the applied one, or the canvas's unapplied order; each Action's deployed version) against an
/// event, for the canvas's "Test flow" drawer. The drawer is shown only when an implementation is registered.
/// </summary>
public interface IFlowTestRunner
{
    /// <summary>
    /// Runs the flow of <paramref name="triggerId"/> with <paramref name="eventJson"/> as the event: the applied flow when
    /// <paramref name="canvas"/> is null, otherwise these Actions in this order.
    /// </summary>
    Task<FlowTestOutcome> RunAsync(string triggerId, string eventJson, IReadOnlyList<BindingReference>? canvas, CancellationToken cancellationToken);
}
