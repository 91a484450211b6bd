using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Actions.Canaries;

/// <summary>
/// Safe deploys for administrators: start a canary (the draft deployed for a share of executions), read it, promote it
/// or roll it back. The automatic rollback is <see cref="Flows.CanaryGuard"/>'s; both end through <see cref="CanaryTransitions"/>.
/// </summary>
public sealed class ActionCanaries(
    IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, ActionService actions, ActionDeployer deployer, CanaryTransitions transitions, ActionMetrics metrics)
{
    /// <summary>The Action's running canary, or null when none runs.</summary>
    public async Task<ActionCanary?> GetAsync(string actionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var action = await actions.FindAsync(db, actionId, cancellationToken);
        if (action is not { CanaryVersionId: { } canaryId, DeployedVersionId: { } stableId })
            return null;
        var numbers = await db.ActionVersions.Where(v => v.TenantId == tenant.Id && (v.Id == canaryId || v.Id == stableId))
            .ToDictionaryAsync(v => v.Id, v => v.Number, cancellationToken);
        return new ActionCanary(actionId, stableId, numbers.GetValueOrDefault(stableId), canaryId, numbers.GetValueOrDefault(canaryId),
            new CanarySettings(action.CanaryPercent, action.CanaryMaxFailureRate, action.CanaryMinExecutions), action.CanaryStartedAt ?? action.UpdatedAt);
    }

    /// <summary>Deploys the draft as a canary (its saved tests first, unless <paramref name="force"/>), replacing a running one.</summary>
    public async Task<ActionCanary> StartAsync(string actionId, CanarySettings settings, string? by, bool force, CancellationToken cancellationToken)
    {
        if (settings.Problem() is { } problem)
            throw new OperationRejectedException(RejectionKind.Invalid, "Payload validation error: " + problem);
        var version = await deployer.DeployAsync(actionId, by, force, settings, cancellationToken);
        var canary = await GetAsync(actionId, cancellationToken)
            ?? throw new OperationRejectedException(RejectionKind.Conflict, "The canary ended as it started (another deploy). Try again.");
        var name = (await actions.GetAsync(actionId, cancellationToken)).Name;
        transitions.Log(tenant.Id, CanaryTransitions.StartedType,
            $"Canary version {version.Number} of Action '{name}' started at {settings.Percent} % beside version {canary.StableVersionNumber} "
            + $"(rolls back past {CanaryTally.Percent(settings.MaxFailureRate)} failures after {settings.MinExecutions} executions)",
            new
            {
                action_id = actionId, action_name = name, canary_version_id = version.Id, canary_version_number = version.Number,
                stable_version_id = canary.StableVersionId, percent = settings.Percent, max_failure_rate = settings.MaxFailureRate,
                min_executions = settings.MinExecutions, by,
            });
        return canary;
    }

    /// <summary>Each side's numbers since the canary started, stable first.</summary>
    public Task<IReadOnlyList<VersionMetrics>> CompareAsync(ActionCanary canary, CancellationToken cancellationToken) =>
        metrics.CompareVersionsAsync(canary.ActionId, [canary.StableVersionId, canary.CanaryVersionId], canary.StartedAt, cancellationToken);

    /// <summary>Promotes the running canary to 100 %, or rolls it back; refused (conflict) when none runs or it just ended.</summary>
    public async Task EndAsync(string actionId, CanaryEnd end, string by, CancellationToken cancellationToken)
    {
        var canary = await GetAsync(actionId, cancellationToken)
            ?? throw new OperationRejectedException(RejectionKind.Conflict, "This Action has no canary running.");
        var sides = await CompareAsync(canary, cancellationToken);
        var tally = new CanaryTally(sides[1].Executions, sides[1].Failures, sides[0].Executions, sides[0].Failures);
        if (!await transitions.EndAsync(tenant.Id, actionId, canary.CanaryVersionId, end, tally, by, cancellationToken))
            throw new OperationRejectedException(RejectionKind.Conflict, "The canary has already ended.");
    }
}
