using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;
using Microsoft.EntityFrameworkCore;
using FlowBinding = Flowgate.Runtime.Flows.DeployedFlowCache.Binding;

namespace Flowgate.Runtime.Flows;

/// <summary>Reads what a trigger runs now: its bound Actions, in order, at their deployed versions, secrets decrypted.</summary>
/// <remarks>
/// The flow (binding and deployed version ids, a canary's columns of the Action) comes through <see cref="DeployedFlowCache"/>:
/// a deploy, bind or rollback counts from the next request on the instance that made it, and within 2 s on the others.
/// The versions' code and secrets come from <see cref="DeployedVersionCache"/>. A canary's version is picked per execution.
/// </remarks>
public sealed class DeployedFlowLoader(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, ActionSecretProtector secrets,
    DeployedVersionCache versions, DeployedFlowCache flows)
{
    public async Task<IReadOnlyList<BoundAction>> LoadAsync(string triggerId, CancellationToken cancellationToken)
    {
        var key = (tenant.Id, triggerId);
        if (flows.TryGet(key, out var cached) && UnknownVersions(cached).Count == 0)
            return Resolve(cached);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var bindings = cached;
        if (bindings is null)
        {
            var read = flows.BeginRead();
            var list = new List<FlowBinding>();
            await foreach (var binding in Bindings.For(db)(db, tenant.Id, triggerId).WithCancellation(cancellationToken))
                list.Add(binding);
            flows.Set(key, list, read);
            bindings = list;
        }
        return bindings.Count == 0 ? [] : await ResolveAsync(db, bindings, cancellationToken);
    }

    // The bindings' deployed and canary versions not in DeployedVersionCache yet: read before the flow can run.
    private List<string> UnknownVersions(IReadOnlyList<FlowBinding> bindings) =>
        [.. bindings.SelectMany(b => new[] { b.VersionId, b.CanaryVersionId }).OfType<string>()
            .Where(id => !versions.TryGet(tenant.Id, id, out _)).Distinct()];

    /// <summary>
    /// The flow designer's unapplied canvas: these Actions, in this order and with these policies, at their deployed
    /// versions, secrets decrypted. An Action of another trigger, or one never deployed, is skipped, as a binding's would be.
    /// </summary>
    public async Task<IReadOnlyList<BoundAction>> LoadAsync(string triggerId, IReadOnlyList<BindingReference> draft, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = draft.Select(d => d.Value).ToList();
        var deployed = await db.Actions.AsNoTracking()
            .Where(a => a.TenantId == tenant.Id && a.TriggerId == triggerId && ids.Contains(a.Id) && a.DeployedVersionId != null)
            .ToDictionaryAsync(a => a.Id, a => a.DeployedVersionId!, cancellationToken);
        var bindings = draft.Where(d => deployed.ContainsKey(d.Value))
            .Select(d => new FlowBinding(d.DisplayName ?? d.Value, d.FailurePolicy, deployed[d.Value], null, 0, 0, 0)).ToList();
        return bindings.Count == 0 ? [] : await ResolveAsync(db, bindings, cancellationToken);
    }

    private async Task<IReadOnlyList<BoundAction>> ResolveAsync(FlowgateDbContext db, IReadOnlyList<FlowBinding> bindings, CancellationToken cancellationToken)
    {
        var missing = UnknownVersions(bindings);
        if (missing.Count > 0)
            await ReadVersionsAsync(db, missing, cancellationToken);
        return Resolve(bindings);
    }

    private List<BoundAction> Resolve(IReadOnlyList<FlowBinding> bindings)
    {
        // During a canary each binding's version is picked for this execution (see CanaryRouting).
        var picks = bindings.Select(b => CanaryRouting.Choose(b.VersionId, b.CanaryVersionId, b.CanaryPercent, b.CanaryMaxFailureRate, b.CanaryMinExecutions)).ToList();
        var flow = new List<BoundAction>(bindings.Count);
        foreach (var (binding, pick) in bindings.Zip(picks))
        {
            // A version deleted since the flow was read (its Action too) is skipped, as the inner join did before.
            if (versions.TryGet(tenant.Id, pick.VersionId, out var version))
                flow.Add(version with
                {
                    Name = binding.DisplayName,
                    Canary = pick.Policy,
                    FailurePolicy = binding.FailurePolicy == BindingFailurePolicy.ContinueOnError ? ActionFailurePolicy.Continue : ActionFailurePolicy.FailTrigger,
                });
        }
        return flow;
    }

    // Compiled once: this read runs on every request that fires a trigger, bound or not.
    private static readonly CompiledQueryPerModel<Func<FlowgateDbContext, string, string, IAsyncEnumerable<FlowBinding>>> Bindings = new(() => EF.CompileAsyncQuery(
        (FlowgateDbContext db, string tenantId, string triggerId) =>
            from binding in db.TriggerBindings.AsNoTracking()
            join action in db.Actions on binding.ActionId equals action.Id
            where binding.TenantId == tenantId && binding.TriggerId == triggerId && action.DeployedVersionId != null
            orderby binding.Order
            select new FlowBinding(binding.DisplayName, binding.FailurePolicy, action.DeployedVersionId!,
                action.CanaryVersionId, action.CanaryPercent, action.CanaryMaxFailureRate, action.CanaryMinExecutions)));

    private async Task ReadVersionsAsync(FlowgateDbContext db, List<string> ids, CancellationToken cancellationToken)
    {
        var rows = await db.ActionVersions.AsNoTracking().Where(v => v.TenantId == tenant.Id && ids.Contains(v.Id)).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            versions.Set(tenant.Id, row.Id, new BoundAction
            {
                ActionId = row.ActionId,
                Name = "",
                VersionId = row.Id,
                Code = row.Code,
                Secrets = VersionSnapshot.ReadSecrets(row.SecretsJson).ToDictionary(s => s.Name, s => secrets.Unprotect(s.ProtectedValue)),
                Dependencies = VersionSnapshot.ReadDependencies(row.DependenciesJson).Select(d => new Shared.Execution.ActionDependency(d.Name, d.Version)).ToList(),
            });
        }
    }
}
