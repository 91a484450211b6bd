using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
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
    TimeProvider clock,
    ILogger<ActionDeployer> logger)
{
    /// <summary>Deploys the draft. Refused, with the error, when the code does not parse.</summary>
    public async Task<ActionVersion> DeployAsync(string actionId, string? deployedBy, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var action = await actions.FindAsync(db, actionId, cancellationToken, tracking: true);
        if (actions.CheckSyntax(action.Code) is { } error)
            throw new OperationRejectedException(RejectionKind.Invalid, $"The draft cannot be deployed: SyntaxError: {error}");
        var version = await AddVersionAsync(db, action, action.Code, action.Runtime,
            VersionSnapshot.Dependencies(action.Dependencies), VersionSnapshot.Secrets(action.Secrets), null, deployedBy, cancellationToken);
        logger.LogInformation("Action {ActionId} deployed as version {Number}", actionId, version.Number);
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
        string? rolledBackFrom, string? deployedBy, CancellationToken cancellationToken)
    {
        var previous = await db.ActionVersions.Where(v => v.ActionId == action.Id).ToListAsync(cancellationToken);
        foreach (var live in previous.Where(v => v.Deployed))
            live.Deployed = false;
        var now = clock.GetUtcNow();
        var version = new ActionVersion
        {
            Id = Guid.NewGuid().ToString(),
            TenantId = tenant.Id,
            ActionId = action.Id,
            Number = previous.Count == 0 ? 1 : previous.Max(v => v.Number) + 1,
            Code = code,
            Runtime = runtime,
            DependenciesJson = dependenciesJson,
            SecretsJson = secretsJson,
            Deployed = true,
            RolledBackFromVersionId = rolledBackFrom,
            CreatedBy = deployedBy,
            CreatedAt = now,
            BuiltAt = now,
        };
        db.ActionVersions.Add(version);
        action.DeployedVersionId = version.Id;
        action.AllChangesDeployed = DraftMatches(action, version);
        action.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two deploys raced for the same number (unique per Action): the loser retries from the top.
            throw new OperationRejectedException(RejectionKind.Conflict, "Another deploy of this Action happened at the same time. Try again.");
        }
        return version;
    }

    private static bool DraftMatches(ActionDefinition action, ActionVersion version) =>
        action.Code == version.Code && action.Runtime == version.Runtime
        && VersionSnapshot.Dependencies(action.Dependencies) == version.DependenciesJson;
}
