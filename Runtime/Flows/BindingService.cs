using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Flowgate.Runtime.Triggers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// A trigger's flow: the ordered list of bound Actions. Replacing it is one atomic operation (the
/// flow designer's Apply, the Management API's PATCH); the next execution uses the new list.
/// </summary>
public sealed class BindingService(
    IDbContextFactory<FlowgateDbContext> contexts,
    CurrentTenant tenant,
    DeployedFlowCache flows,
    TimeProvider clock,
    ILogger<BindingService> logger)
{
    public async Task<FlowSnapshot> GetAsync(string triggerId, CancellationToken cancellationToken)
    {
        RequireTrigger(triggerId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SnapshotAsync(db, triggerId, cancellationToken);
    }

    /// <summary>
    /// Replaces the flow. Every Action must exist, support the trigger and be deployed; at most 20.
    /// With <paramref name="expectedVersion"/>, a flow changed since it was read is a conflict, not an overwrite.
    /// </summary>
    public async Task<FlowSnapshot> ReplaceAsync(string triggerId, IReadOnlyList<BindingReference> references, string? expectedVersion, CancellationToken cancellationToken)
    {
        RequireTrigger(triggerId);
        if (references.Count > ActionLimits.MaxBindingsPerTrigger)
            throw new OperationRejectedException(RejectionKind.Invalid, $"A flow can hold at most {ActionLimits.MaxBindingsPerTrigger} Actions; this one has {references.Count}.");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await SnapshotAsync(db, triggerId, cancellationToken);
        if (expectedVersion is not null && expectedVersion != current.Version)
            throw new OperationRejectedException(RejectionKind.Conflict, "This flow was changed by someone else since you opened it. Reload to see their changes.");

        var actions = await db.Actions.AsNoTracking().Where(a => a.TenantId == tenant.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var bindings = references.Select((reference, index) =>
        {
            var action = Resolve(actions, reference, triggerId);
            return new TriggerBinding
            {
                Id = Guid.NewGuid().ToString(),
                TenantId = tenant.Id,
                TriggerId = triggerId,
                ActionId = action.Id,
                Order = index,
                DisplayName = string.IsNullOrWhiteSpace(reference.DisplayName) ? action.Name : reference.DisplayName.Trim(),
                FailurePolicy = reference.FailurePolicy,
                CreatedAt = current.Bindings.FirstOrDefault(b => b.ActionId == action.Id)?.CreatedAt ?? now,
                UpdatedAt = now,
            };
        }).ToList();

        db.TriggerBindings.RemoveRange(await db.TriggerBindings.Where(b => b.TenantId == tenant.Id && b.TriggerId == triggerId).ToListAsync(cancellationToken));
        db.TriggerBindings.AddRange(bindings);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        flows.Forget((tenant.Id, triggerId));
        logger.LogInformation("Flow {Trigger} replaced with {Count} Action(s)", triggerId, bindings.Count);
        return new FlowSnapshot(triggerId, bindings, VersionOf(bindings));
    }

    private static ActionDefinition Resolve(List<ActionDefinition> actions, BindingReference reference, string triggerId)
    {
        var action = reference.RefType == BindingRefType.ActionId
            ? actions.FirstOrDefault(a => a.Id == reference.Value)
            : actions.FirstOrDefault(a => a.Name == reference.Value);
        if (action is null)
            throw new OperationRejectedException(RejectionKind.Invalid, $"No Action with {(reference.RefType == BindingRefType.ActionId ? "id" : "name")} '{reference.Value}'.");
        if (action.TriggerId != triggerId)
            throw new OperationRejectedException(RejectionKind.Invalid, $"The Action '{action.Name}' is written for the {action.TriggerId} trigger and cannot run in the {triggerId} flow.");
        if (action.DeployedVersionId is null)
            throw new OperationRejectedException(RejectionKind.Invalid, $"The Action '{action.Name}' has never been deployed. Deploy it before adding it to a flow.");
        return action;
    }

    private async Task<FlowSnapshot> SnapshotAsync(FlowgateDbContext db, string triggerId, CancellationToken cancellationToken)
    {
        var bindings = await db.TriggerBindings.AsNoTracking()
            .Where(b => b.TenantId == tenant.Id && b.TriggerId == triggerId)
            .OrderBy(b => b.Order).ToListAsync(cancellationToken);
        return new FlowSnapshot(triggerId, bindings, VersionOf(bindings));
    }

    // The version is derived from the content, so it needs no column and cannot drift from it.
    private static string VersionOf(IEnumerable<TriggerBinding> bindings)
    {
        var content = string.Join('\n', bindings.Select(b => $"{b.Id}|{b.ActionId}|{b.Order}|{b.DisplayName}|{b.FailurePolicy}"));
        return TextHash.Sha256Hex(content)[..16];
    }

    private static void RequireTrigger(string triggerId)
    {
        if (TriggerCatalog.Find(triggerId) is null)
            throw new OperationRejectedException(RejectionKind.NotFound, $"Unknown trigger '{triggerId}'.");
    }
}
