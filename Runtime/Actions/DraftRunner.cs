using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Triggers;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Actions;

/// <summary>
/// Runs an Action's saved draft (not the deployed version) against an event: the editor's test panel, saved tests and
/// <c>POST .../test</c>. It only turns the draft into a bound Action; <see cref="TriggerRunner"/> runs it as a flow.
/// </summary>
public sealed class DraftRunner(ActionService actions, TriggerRunner triggers, ActionSecretProtector secrets)
{
    public async Task<ActionExecutionResult> RunAsync(string actionId, string eventJson, CancellationToken cancellationToken)
    {
        var (action, draft) = await DraftAsync(actionId, cancellationToken);
        var flow = await triggers.TestDraftAsync(action.TriggerId, draft, eventJson, cancellationToken);
        // Secret values are write-only: the test panel and the test API show their names, never their values.
        return Monitoring.SecretRedaction.Redact(flow.Actions[0].Result, draft.Secrets);
    }

    /// <summary>
    /// Tests a continue handler (<c>onContinuePostLogin</c>, ...): runs the execute handler, and when it redirects, the
    /// continue handler as a <c>/continue</c> call with <paramref name="query"/> and <paramref name="body"/> would (the
    /// event's <c>request</c> then carries them, and the query the redirect's <c>state</c> unless it names its own).
    /// </summary>
    public async Task<DraftContinueResult> RunWithContinueAsync(
        string actionId, string eventJson, IReadOnlyDictionary<string, string> query, JsonObject body, CancellationToken cancellationToken)
    {
        var (action, draft) = await DraftAsync(actionId, cancellationToken);
        var trigger = TriggerCatalog.Get(action.TriggerId);
        var state = "test-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        var first = await triggers.TestDraftAsync(action.TriggerId, draft, eventJson, cancellationToken);
        var execute = Monitoring.SecretRedaction.Redact(first.Actions[0].Result, draft.Secrets);
        string? reason = trigger.ContinueHandler is null ? $"The {trigger.Id} trigger has no continue handler."
            : first is not { Status: FlowStatus.Suspended, Suspension: not null, Outcome.RedirectUrl: not null } ? "The Action did not redirect, so nothing continues."
            : null;
        if (reason is not null)
            return new DraftContinueResult(execute, null, state, null, reason);

        var redirect = Monitoring.SecretRedaction.Redact(first.Outcome.RedirectUrl + (first.Outcome.RedirectUrl!.Contains('?') ? "&" : "?") + "state=" + Uri.EscapeDataString(state), draft.Secrets);
        var request = JsonNode.Parse(first.Suspension!.Request.EventJson)?["request"]?.DeepClone() as JsonObject ?? [];
        var continueQuery = new JsonObject { ["state"] = state };
        foreach (var (name, value) in query)
            continueQuery[name] = value;
        request["query"] = continueQuery;
        request["body"] = body.DeepClone();
        request["method"] = body.Count > 0 ? "POST" : "GET";
        var second = await triggers.TestDraftResumeAsync(first.Suspension, new JsonObject { ["request"] = request }.ToJsonString(), cancellationToken);
        return new DraftContinueResult(execute, redirect, state, Monitoring.SecretRedaction.Redact(second.Actions[0].Result, draft.Secrets), null);
    }

    private async Task<(ActionDefinition Action, BoundAction Draft)> DraftAsync(string actionId, CancellationToken cancellationToken)
    {
        var action = await actions.GetAsync(actionId, cancellationToken);
        var values = action.Secrets.ToDictionary(s => s.Name, s => secrets.Unprotect(s.ProtectedValue));
        return (action, new BoundAction
        {
            ActionId = action.Id,
            Name = action.Name,
            // Each saved draft is its own compiled unit; the stamp changes on every save.
            VersionId = $"draft-{action.Id}-{action.ConcurrencyStamp:N}",
            Code = action.Code,
            Secrets = values,
            Dependencies = action.Dependencies.Select(d => new Shared.Execution.ActionDependency(d.Name, d.Version)).ToList(),
        });
    }
}
