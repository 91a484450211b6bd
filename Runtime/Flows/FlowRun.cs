using Flowgate.Runtime.Triggers;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// A flow as it runs: the Action it is at, what ran so far, the event and the outcome. Kept in one object so that a
/// sandbox worker, told that an Action is stuck in V8, can report how far its flow got before the worker is ended.
/// </summary>
internal sealed class FlowRun(FlowExecutionRequest request, int start, FlowOutcome outcome, bool resume)
{
    public FlowExecutionRequest Request => request;

    public int Start { get; } = start;

    /// <summary>The Action running now (or next).</summary>
    public int Index { get; set; } = start;

    public List<FlowActionResult> Results { get; } = [];

    public FlowOutcome Outcome => outcome;

    public FlowEvent Event { get; } = new(request.EventJson);

    /// <summary>The handler the Action at <paramref name="index"/> runs: after a redirect, the first one continues.</summary>
    public string Handler(TriggerDefinition trigger, int index) =>
        resume && index == Start ? trigger.ContinueHandler ?? trigger.ExecuteHandler : trigger.ExecuteHandler;
}
