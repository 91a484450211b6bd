using System.Text.Json.Nodes;
using Flowgate.Dashboard.Components.Pages.Flows;
using Flowgate.Runtime.Flows;
using Flowgate.Shared.Flows;

namespace Flowgate.Dashboard.Testing;

/// <summary>The flow designer's test: the trigger's applied flow, deployed versions, in order, through the real executor.</summary>
internal sealed class FlowTestRunner(TriggerRunner triggers) : IFlowTestRunner
{
    public async Task<FlowTestOutcome> RunAsync(string triggerId, string eventJson, CancellationToken cancellationToken)
    {
        // The executor passes event text through untouched; an admin's typing mistake is caught here, with its position.
        if (JsonNode.Parse(eventJson) is not JsonObject)
        {
            throw new ArgumentException("The event must be a JSON object.");
        }
        var result = await triggers.TestAsync(triggerId, eventJson, cancellationToken);
        var actions = result.Actions.Select(a => new FlowTestActionResult(
            a.ActionName,
            a.Result.Commands.Select(c => $"api.{c.Method}({string.Join(", ", c.Args.EnumerateArray().Select(arg => arg.GetRawText()))})").ToList(),
            a.Result.Logs,
            a.Result.Error is null ? null : $"{a.Result.Error.Name}: {a.Result.Error.Message}")).ToList();
        return new FlowTestOutcome(actions, Summarize(result));
    }

    private static string Summarize(FlowExecutionResult result)
    {
        var outcome = result.Outcome;
        if (result.Error is not null)
            return $"The flow failed: {result.Error.Name}: {result.Error.Message}";
        if (outcome.Denied)
            return $"Access denied: {outcome.DenyReason}";
        var parts = new List<string> { $"{result.Actions.Count} Action(s) ran ({result.Status})" };
        if (outcome.IdTokenClaims.Count > 0)
            parts.Add("ID token claims: " + string.Join(", ", outcome.IdTokenClaims.Select(c => $"{c.Key}={c.Value.GetRawText()}")));
        if (outcome.AccessTokenClaims.Count > 0)
            parts.Add("access token claims: " + string.Join(", ", outcome.AccessTokenClaims.Select(c => $"{c.Key}={c.Value.GetRawText()}")));
        if (outcome.MultifactorProvider is not null || outcome.Factors is not null)
            parts.Add("MFA required");
        if (outcome.RedirectUrl is not null)
            parts.Add("redirect to " + outcome.RedirectUrl);
        return string.Join("; ", parts);
    }
}
