using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Tenancy;
using Flowgate.Runtime.Triggers;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Actions;

/// <summary>Runs an Action's saved draft (not the deployed version) against an event: the editor's test panel and <c>POST .../test</c>.</summary>
public sealed class DraftRunner(ActionService actions, IActionSandbox sandbox, ActionSecretProtector secrets, CurrentTenant tenant)
{
    public async Task<ActionExecutionResult> RunAsync(string actionId, string eventJson, CancellationToken cancellationToken)
    {
        var action = await actions.GetAsync(actionId, cancellationToken);
        var trigger = TriggerCatalog.Get(action.TriggerId);
        var values = action.Secrets.ToDictionary(s => s.Name, s => secrets.Unprotect(s.ProtectedValue));
        var result = await sandbox.ExecuteAsync(new ActionExecutionRequest
        {
            TenantId = tenant.Id,
            TriggerId = action.TriggerId,
            ActionId = action.Id,
            ActionName = action.Name,
            // Each saved draft is its own compiled unit; the stamp changes on every save.
            VersionId = $"draft-{action.Id}-{action.ConcurrencyStamp:N}",
            Code = action.Code,
            Handler = trigger.ExecuteHandler,
            EventJson = eventJson,
            Secrets = values,
            Dependencies = action.Dependencies.Select(d => new Shared.Execution.ActionDependency(d.Name, d.Version)).ToList(),
        }, cancellationToken);
        // Secret values are write-only: the test panel and the test API show their names, never their values.
        return Monitoring.SecretRedaction.Redact(result, values);
    }
}
