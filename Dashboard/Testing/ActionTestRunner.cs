using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Flowgate.Dashboard.Components.Pages.Actions;
using Flowgate.Runtime.Actions;
using Flowgate.Shared.Execution;

namespace Flowgate.Dashboard.Testing;

/// <summary>The editor's test panel (and its continue test): runs the saved draft against the edited event as a one-Action flow (<see cref="DraftRunner"/>, then the trigger runner).</summary>
internal sealed partial class ActionTestRunner(DraftRunner drafts) : IActionTestRunner, IContinueTestRunner
{
    public async Task<ActionTestOutcome> RunDraftAsync(string actionId, string eventJson, CancellationToken cancellationToken) =>
        Outcome(await drafts.RunAsync(actionId, eventJson, cancellationToken));

    public async Task<ContinueTestOutcome> RunWithContinueAsync(
        string actionId, string eventJson, IReadOnlyDictionary<string, string> query, string bodyJson, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(bodyJson) as JsonObject ?? [];
        var result = await drafts.RunWithContinueAsync(actionId, eventJson, query, body, cancellationToken);
        return new ContinueTestOutcome(Outcome(result.Execute), result.RedirectUrl, result.State,
            result.Continue is null ? null : Outcome(result.Continue), result.NotContinued);
    }

    private static ActionTestOutcome Outcome(ActionExecutionResult result)
    {
        var error = result.Error is null ? null : new ActionTestError(result.Error.Name, result.Error.Message, result.Error.Stack, ErrorLine(result.Error.Stack));
        var stats = new Dictionary<string, double>
        {
            ["boot_duration_ms"] = result.Stats.BootDurationMs,
            ["action_duration_ms"] = result.Stats.ActionDurationMs,
            ["runtime_external_call_duration_ms"] = result.Stats.ExternalCallDurationMs,
            ["total_request_duration_ms"] = result.Stats.TotalRequestDurationMs,
        };
        return new ActionTestOutcome(
            result.Commands.Select(c => new ActionTestCommand(c.Method, c.Args.GetRawText())).ToList(), result.Logs, error, stats);
    }

    // The first frame in the Action's own document is the line to highlight.
    private static int? ErrorLine(string? stack) =>
        stack is not null && ActionFrame().Match(stack) is { Success: true } frame
            ? int.Parse(frame.Groups["line"].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"action\.js:(?<line>\d+):\d+")]
    private static partial Regex ActionFrame();
}
