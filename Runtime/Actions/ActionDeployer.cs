using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Flowgate.Runtime.Triggers;
using Flowgate.Shared.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Actions;

/// <summary>
/// Versions: deploy snapshots the draft as an immutable numbered version that bound flows run at
/// once; rollback deploys an old version as a new number. Versions are never edited afterwards.
/// </summary>
public sealed class ActionDeployer(
    IDbContextFactory<FlowgateDbContext> contexts,
    CurrentTenant tenant,
    ActionService actions,
    IActionSandbox sandbox,
    SavedTests.SavedTestSuite savedTests,
    Flows.DeployedFlowCache flows,
    TimeProvider clock,
    ILogger<ActionDeployer> logger)
{
    /// <summary>The error code of a deploy refused because saved tests fail.</summary>
    public const string SavedTestsFailed = "saved_tests_failed";

    /// <summary>Deploys the draft. Refused, with the error, when the code does not parse or its dependencies cannot be installed and loaded.</summary>
    public Task<ActionVersion> DeployAsync(string actionId, string? deployedBy, CancellationToken cancellationToken) =>
        DeployAsync(actionId, deployedBy, force: false, cancellationToken);

    /// <summary>
    /// Deploys the draft once its saved tests pass; a failing test refuses the deploy (error code
    /// <c>saved_tests_failed</c>) with each failing test's name and reason, unless <paramref name="force"/>.
    /// </summary>
    public Task<ActionVersion> DeployAsync(string actionId, string? deployedBy, bool force, CancellationToken cancellationToken) =>
        DeployAsync(actionId, deployedBy, force, canary: null, cancellationToken);

    /// <summary>
    /// Deploys the draft; with <paramref name="canary"/> the new version runs for that share of executions only, beside
    /// the deployed one, until it is promoted or rolled back (see <see cref="Canaries.ActionCanaries"/>).
    /// </summary>
    public async Task<ActionVersion> DeployAsync(string actionId, string? deployedBy, bool force, Canaries.CanarySettings? canary, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var action = await actions.FindAsync(db, actionId, cancellationToken, tracking: true);
        if (actions.CheckSyntax(action.Code) is { } error)
            throw new OperationRejectedException(RejectionKind.Invalid, $"The draft cannot be deployed: SyntaxError: {error}");
        if (!force && (await savedTests.RunAllAsync(actionId, cancellationToken)).Where(r => !r.Passed).ToList() is { Count: > 0 } failing)
            throw new OperationRejectedException(RejectionKind.Invalid,
                $"The draft cannot be deployed: {failing.Count} saved test(s) fail. " + string.Join(" ", failing.Select(f => $"'{f.Test.Name}': {f.Reason}")))
            { ErrorCode = SavedTestsFailed };
        var version = await AddVersionAsync(db, action, action.Code, action.Runtime,
            VersionSnapshot.Dependencies(action.Dependencies), VersionSnapshot.Secrets(action.Secrets), null, deployedBy, cancellationToken, canary);
        logger.LogInformation("Action {ActionId} deployed as version {Number} (canary: {Percent} %)", actionId, version.Number, canary?.Percent ?? 100);
        return version;
    }

    /// <summary>Deploys an old version again, as a new version; with <paramref name="updateDraft"/> the draft becomes its copy too.</summary>
    public async Task<ActionVersion> RollbackAsync(string actionId, string versionId, bool updateDraft, string? deployedBy, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var action = await actions.FindAsync(db, actionId, cancellationToken, tracking: true);
        var old = await actions.FindVersionAsync(db, actionId, versionId, cancellationToken);
        if (updateDraft)
        {
            ActionDraftWriter.CopyVersion(action, old);
            action.Code = old.Code;
            action.ConcurrencyStamp = Guid.NewGuid();
        }
        var version = await AddVersionAsync(db, action, old.Code, old.Runtime, old.DependenciesJson, old.SecretsJson, old.Id, deployedBy, cancellationToken);
        logger.LogInformation("Action {ActionId} rolled back to version {Old} as version {Number}", actionId, old.Number, version.Number);
        return version;
    }

    public async Task<ActionPage<ActionVersion>> ListVersionsAsync(string actionId, int page, int perPage, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await actions.FindAsync(db, actionId, cancellationToken);
        var query = db.ActionVersions.AsNoTracking().Where(v => v.TenantId == tenant.Id && v.ActionId == actionId);
        (page, perPage) = ActionLimits.Paging(page, perPage);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(v => v.Number).Skip(page * perPage).Take(perPage).ToListAsync(cancellationToken);
        return new ActionPage<ActionVersion>(items, total, page, perPage);
    }

    public async Task<ActionVersion> GetVersionAsync(string actionId, string versionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await actions.FindVersionAsync(db, actionId, versionId, cancellationToken);
    }

    /// <summary>The deployed versions of these Actions, by Action id, in one read (Actions never deployed are absent).</summary>
    public async Task<IReadOnlyDictionary<string, ActionVersion>> DeployedVersionsAsync(IEnumerable<ActionDefinition> actions, CancellationToken cancellationToken)
    {
        var ids = DeployedVersionIds(actions);
        if (ids.Count == 0)
            return new Dictionary<string, ActionVersion>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ActionVersions.AsNoTracking().Where(v => v.TenantId == tenant.Id && ids.Contains(v.Id)).ToDictionaryAsync(v => v.ActionId, cancellationToken);
    }

    /// <summary>The deployed version numbers of these Actions, by Action id, in one read that leaves the code behind.</summary>
    public async Task<IReadOnlyDictionary<string, int>> DeployedNumbersAsync(IEnumerable<ActionDefinition> actions, CancellationToken cancellationToken)
    {
        var ids = DeployedVersionIds(actions);
        if (ids.Count == 0)
            return new Dictionary<string, int>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ActionVersions.Where(v => v.TenantId == tenant.Id && ids.Contains(v.Id))
            .Select(v => new { v.ActionId, v.Number }).ToDictionaryAsync(v => v.ActionId, v => v.Number, cancellationToken);
    }

    private static List<string> DeployedVersionIds(IEnumerable<ActionDefinition> actions) =>
        [.. actions.Select(a => a.DeployedVersionId).OfType<string>()];

    private async Task<ActionVersion> AddVersionAsync(
        FlowgateDbContext db, ActionDefinition action, string code, string runtime, string dependenciesJson, string secretsJson,
        string? rolledBackFrom, string? deployedBy, CancellationToken cancellationToken, Canaries.CanarySettings? canary = null)
    {
        // A canary is judged against the version it would replace, so there must be one.
        if (canary is not null && action.DeployedVersionId is null)
            throw new OperationRejectedException(RejectionKind.Invalid, "A canary needs a deployed version to run beside: deploy this Action first.");
        var versionId = Guid.NewGuid().ToString();
        await PrepareAsync(action, versionId, code, dependenciesJson, cancellationToken);
        var previous = await db.ActionVersions.Where(v => v.ActionId == action.Id).ToListAsync(cancellationToken);
        if (canary is null)
            foreach (var live in previous.Where(v => v.Deployed))
                live.Deployed = false;
        var now = clock.GetUtcNow();
        var version = new ActionVersion
        {
            Id = versionId,
            TenantId = tenant.Id,
            ActionId = action.Id,
            Number = previous.Count == 0 ? 1 : previous.Max(v => v.Number) + 1,
            Code = code,
            Runtime = runtime,
            DependenciesJson = dependenciesJson,
            SecretsJson = secretsJson,
            Deployed = canary is null,
            RolledBackFromVersionId = rolledBackFrom,
            CreatedBy = deployedBy,
            CreatedAt = now,
            BuiltAt = now,
        };
        db.ActionVersions.Add(version);
        // A full deploy ends any canary (the new version replaces both); a canary deploy replaces a running one.
        if (canary is null)
            action.DeployedVersionId = version.Id;
        action.CanaryVersionId = canary is null ? null : version.Id;
        action.CanaryPercent = canary?.Percent ?? 0;
        action.CanaryMaxFailureRate = canary?.MaxFailureRate ?? 0;
        action.CanaryMinExecutions = canary?.MinExecutions ?? 0;
        action.CanaryStartedAt = canary is null ? null : now;
        action.AllChangesDeployed = canary is null && DraftMatches(action, version);
        action.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            // The flows this Action is bound to now run the new version (or its canary beside the old one).
            flows.Forget((tenant.Id, action.TriggerId));
        }
        catch (DbUpdateException)
        {
            // Two deploys raced for the same number (unique per Action): the loser retries from the top.
            throw new OperationRejectedException(RejectionKind.Conflict, "Another deploy of this Action happened at the same time. Try again.");
        }
        return version;
    }

    // A version with npm dependencies is installed, compiled and loaded before it goes live, so a
    // package that is missing, unreachable or cannot load fails the deploy with the reason instead
    // of the first login (and the first login finds the version warm).
    // Compile at deploy (with its packages installed and a warm context ready), so the first login after a
    // deploy is not the one that pays for it, and code that cannot even load is refused with its error.
    private async Task PrepareAsync(ActionDefinition action, string versionId, string code, string dependenciesJson, CancellationToken cancellationToken)
    {
        var dependencies = VersionSnapshot.ReadDependencies(dependenciesJson);
        var trigger = TriggerCatalog.Get(action.TriggerId);
        var error = await sandbox.PrepareAsync(new ActionExecutionRequest
        {
            TenantId = tenant.Id,
            TriggerId = trigger.Id,
            ActionId = action.Id,
            ActionName = action.Name,
            VersionId = versionId,
            Code = code,
            Handler = trigger.ExecuteHandler,
            EventJson = trigger.SampleEventJson,
            Dependencies = [.. dependencies.Select(d => new Shared.Execution.ActionDependency(d.Name, d.Version))],
        }, cancellationToken);
        if (error is { Class: ActionErrorClass.ActionError })
            throw new OperationRejectedException(RejectionKind.Invalid, $"The version cannot be deployed: {error.Name}: {error.Message}");
        if (error is not null)
            logger.LogWarning("Action {ActionId} version {VersionId} deploys uncompiled: the sandbox failed to prepare it ({Error}: {Message})", action.Id, versionId, error.Name, error.Message);
    }

    private static bool DraftMatches(ActionDefinition action, ActionVersion version) =>
        action.Code == version.Code && action.Runtime == version.Runtime
        && VersionSnapshot.Dependencies(action.Dependencies) == version.DependenciesJson;
}
