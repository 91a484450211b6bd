using Flowgate.Runtime.Flows;
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
        var action = await actions.GetAsync(actionId, cancellationToken);
        var values = action.Secrets.ToDictionary(s => s.Name, s => secrets.Unprotect(s.ProtectedValue));
        var draft = new BoundAction
        {
            ActionId = action.Id,
            Name = action.Name,
            // Each saved draft is its own compiled unit; the stamp changes on every save.
            VersionId = $"draft-{action.Id}-{action.ConcurrencyStamp:N}",
            Code = action.Code,
            Secrets = values,
            Dependencies = action.Dependencies.Select(d => new Shared.Execution.ActionDependency(d.Name, d.Version)).ToList(),
        };
        var flow = await triggers.TestDraftAsync(action.TriggerId, draft, eventJson, cancellationToken);
        // Secret values are write-only: the test panel and the test API show their names, never their values.
        return Monitoring.SecretRedaction.Redact(flow.Actions[0].Result, values);
    }
}
