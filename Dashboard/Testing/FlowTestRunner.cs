using System.Text.Json.Nodes;
using Flowgate.Dashboard.Components.Pages.Flows;
using Flowgate.Runtime.Flows;

namespace Flowgate.Dashboard.Testing;

/// <summary>
/// The flow designer's test: the applied flow or the unapplied canvas, deployed versions, in order, through the trigger
/// runner (secrets come back masked), described as the app would receive it (<see cref="FlowTestIssuance"/>).
/// </summary>
internal sealed class FlowTestRunner(TriggerRunner triggers, TimeProvider time) : IFlowTestRunner
{
    public async Task<FlowTestOutcome> RunAsync(string triggerId, string eventJson, IReadOnlyList<BindingReference>? canvas, CancellationToken cancellationToken)
    {
        // The executor passes event text through untouched; an admin's typing mistake is caught here, with its position.
        if (JsonNode.Parse(eventJson) is not JsonObject evt)
        {
            throw new ArgumentException("The event must be a JSON object.");
        }
        var result = await triggers.TestAsync(triggerId, eventJson, canvas, cancellationToken);
        var actions = result.Actions.Select(a => new FlowTestActionResult(
            a.ActionName,
            a.Result.Commands.Select(c => $"api.{c.Method}({string.Join(", ", c.Args.EnumerateArray().Select(arg => arg.GetRawText()))})").ToList(),
            a.Result.Logs,
            a.Result.Error is null ? null : $"{a.Result.Error.Name}: {a.Result.Error.Message}")).ToList();
        return FlowTestIssuance.Describe(triggerId, evt, result, actions, time.GetUtcNow());
    }
}
