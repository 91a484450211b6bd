using System.Text.Json;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Actions.Canaries;

/// <summary>
/// Ends a canary: promotion (the canary becomes the deployed version) or rollback (it stops). Each is one conditional
/// UPDATE of the Action's row, on the canary still being the one named, so when two instances, or the guard and an
/// administrator, end the same canary at once exactly one of them applies and logs it; the others get false.
/// Takes the tenant explicitly: the automatic rollback runs from the flow's recording, outside any admin request.
/// </summary>
public sealed class CanaryTransitions(IDbContextFactory<FlowgateDbContext> contexts, Flows.DeployedFlowCache flows, ExecutionRecorder recorder, TimeProvider clock, ILogger<CanaryTransitions> logger)
{
    /// <summary>Tenant log types of a canary's steps (Flowgate's own: Auth0 has no canary).</summary>
    public const string StartedType = "flowgate_canary_started", PromotedType = "flowgate_canary_promoted", RolledBackType = "flowgate_canary_rolled_back";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Ends the canary <paramref name="canaryVersionId"/> of the Action; false when it had already ended.</summary>
    /// <param name="by">Who ended it (an administrator), or null for the automatic rollback.</param>
    public async Task<bool> EndAsync(string tenantId, string actionId, string canaryVersionId, CanaryEnd end, CanaryTally tally, string? by, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Promoted, the canary is what runs: the draft is "all deployed" again when it still has the canary's code.
        var canary = await db.ActionVersions.Where(v => v.TenantId == tenantId && v.Id == canaryVersionId)
            .Select(v => new { v.Code, v.Runtime }).SingleOrDefaultAsync(cancellationToken);
        if (canary is null)
            return false;
        // SQL Server retries on transient failures, which needs the transaction inside its execution strategy.
        var ended = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var actions = db.Actions.Where(a => a.TenantId == tenantId && a.Id == actionId && a.CanaryVersionId == canaryVersionId);
            var rows = end == CanaryEnd.Promoted
                ? await actions.ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.DeployedVersionId, canaryVersionId).SetProperty(a => a.CanaryVersionId, (string?)null)
                    .SetProperty(a => a.AllChangesDeployed, a => a.Code == canary.Code && a.Runtime == canary.Runtime)
                    .SetProperty(a => a.CanaryPercent, 0).SetProperty(a => a.UpdatedAt, now), cancellationToken)
                : await actions.ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.CanaryVersionId, (string?)null).SetProperty(a => a.CanaryPercent, 0).SetProperty(a => a.UpdatedAt, now), cancellationToken);
            if (rows == 0)
                return false;
            if (end == CanaryEnd.Promoted)
                await db.ActionVersions.Where(v => v.TenantId == tenantId && v.ActionId == actionId && (v.Deployed || v.Id == canaryVersionId))
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Deployed, v => v.Id == canaryVersionId), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
        if (!ended)
            return false;
        // The Action's trigger is not at hand here, and canaries end rarely: every flow is read again.
        flows.ForgetAll();

        var name = await db.Actions.Where(a => a.Id == actionId).Select(a => a.Name).SingleAsync(cancellationToken);
        var number = await db.ActionVersions.Where(v => v.Id == canaryVersionId).Select(v => v.Number).SingleAsync(cancellationToken);
        var rates = $"canary {CanaryTally.Percent(tally.CanaryFailureRate)} of {tally.CanaryExecutions} failed, stable {CanaryTally.Percent(tally.StableFailureRate)} of {tally.StableExecutions}";
        var description = end == CanaryEnd.Promoted
            ? $"Canary version {number} of Action '{name}' promoted to 100 % ({rates})"
            : $"Canary version {number} of Action '{name}' rolled back {(by is null ? "automatically" : "by an administrator")} ({rates})";
        Log(tenantId, end == CanaryEnd.Promoted ? PromotedType : RolledBackType, description, new
        {
            action_id = actionId, action_name = name, canary_version_id = canaryVersionId, canary_version_number = number,
            automatic = by is null, by, tally.CanaryExecutions, tally.CanaryFailures, tally.CanaryFailureRate,
            tally.StableExecutions, tally.StableFailures, tally.StableFailureRate,
        });
        logger.LogInformation("Canary {VersionId} of Action {ActionId} {End}", canaryVersionId, actionId, end);
        return true;
    }

    /// <summary>Writes a canary step to the tenant log.</summary>
    internal void Log(string tenantId, string type, string description, object details) =>
        recorder.Log(new TenantLogEvent
        {
            Id = TenantLogEvent.NewId(), TenantId = tenantId, Type = type, Description = description,
            DetailsJson = JsonSerializer.Serialize(details, Json),
        });
}
