using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Flows;

/// <summary>Reads what a trigger runs now: its bound Actions, in order, at their deployed versions, secrets decrypted.</summary>
public sealed class DeployedFlowLoader(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, ActionSecretProtector secrets)
{
    public async Task<IReadOnlyList<BoundAction>> LoadAsync(string triggerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from binding in db.TriggerBindings
            join action in db.Actions on binding.ActionId equals action.Id
            join version in db.ActionVersions on action.DeployedVersionId equals version.Id
            where binding.TenantId == tenant.Id && binding.TriggerId == triggerId
            orderby binding.Order
            select new { binding.DisplayName, binding.FailurePolicy, action.Id, version })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(row => new BoundAction
        {
            ActionId = row.Id,
            Name = row.DisplayName,
            VersionId = row.version.Id,
            Code = row.version.Code,
            Secrets = VersionSnapshot.ReadSecrets(row.version.SecretsJson).ToDictionary(s => s.Name, s => secrets.Unprotect(s.ProtectedValue)),
            Dependencies = VersionSnapshot.ReadDependencies(row.version.DependenciesJson).Select(d => new Shared.Execution.ActionDependency(d.Name, d.Version)).ToList(),
            FailurePolicy = row.FailurePolicy == BindingFailurePolicy.ContinueOnError ? ActionFailurePolicy.Continue : ActionFailurePolicy.FailTrigger,
        }).ToList();
    }
}
