using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Flowgate.Runtime.Triggers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Actions;

/// <summary>
/// Actions and their drafts: create, list, read, save the draft, delete. Saving never touches live
/// traffic; <see cref="ActionDeployer"/> turns a draft into a version.
/// </summary>
public sealed class ActionService(
    IDbContextFactory<FlowgateDbContext> contexts,
    CurrentTenant tenant,
    ActionSecretProtector secrets,
    ActionCodeValidator validator,
    DependencyPinner dependencies,
    Flows.DeployedFlowCache flows,
    TimeProvider clock,
    ILogger<ActionService> logger)
{
    public async Task<ActionPage<ActionDefinition>> ListAsync(ActionFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Actions.AsNoTracking().Include(a => a.Secrets).Include(a => a.Dependencies).Where(a => a.TenantId == tenant.Id);
        if (!string.IsNullOrEmpty(filter.TriggerId))
            query = query.Where(a => a.TriggerId == filter.TriggerId);
        if (!string.IsNullOrEmpty(filter.Name))
            query = query.Where(a => a.Name == filter.Name);
        if (filter.Deployed is { } deployed)
            query = deployed ? query.Where(a => a.DeployedVersionId != null) : query.Where(a => a.DeployedVersionId == null);
        var (page, perPage) = ActionLimits.Paging(filter.Page, filter.PerPage);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(a => a.Name).Skip(page * perPage).Take(perPage).AsSplitQuery().ToListAsync(cancellationToken);
        return new ActionPage<ActionDefinition>(items, total, page, perPage);
    }

    public async Task<ActionDefinition> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, id, cancellationToken);
    }

    /// <summary>The Actions with these ids (those that exist in the tenant), in one read.</summary>
    public async Task<IReadOnlyDictionary<string, ActionDefinition>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Actions.AsNoTracking().Include(a => a.Secrets).Include(a => a.Dependencies).AsSplitQuery()
            .Where(a => a.TenantId == tenant.Id && ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
    }

    /// <summary>Creates an Action whose draft starts from the trigger's template unless code is given.</summary>
    public async Task<ActionDefinition> CreateAsync(ActionCreateRequest request, CancellationToken cancellationToken)
    {
        var trigger = TriggerCatalog.Find(request.TriggerId)
            ?? throw new OperationRejectedException(RejectionKind.Invalid, $"Unknown trigger '{request.TriggerId}'. Known triggers: {string.Join(", ", TriggerCatalog.All.Select(t => t.Id))}.");
        if (request.TriggerVersion is not null && request.TriggerVersion != trigger.Version)
            throw new OperationRejectedException(RejectionKind.Invalid, $"Trigger '{trigger.Id}' runs version {trigger.Version}, not {request.TriggerVersion}.");
        var name = ValidateName(request.Name);
        var runtime = ValidateRuntime(request.Runtime);
        var code = request.Code ?? ActionTemplate.For(trigger);
        ValidateSize(code);
        var pinned = await dependencies.PinAsync(request.Dependencies, cancellationToken);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Actions.AnyAsync(a => a.TenantId == tenant.Id && a.Name == name, cancellationToken))
            throw new OperationRejectedException(RejectionKind.Conflict, $"An Action named '{name}' already exists.");
        var now = clock.GetUtcNow();
        var action = new ActionDefinition
        {
            Id = Guid.NewGuid().ToString(),
            TenantId = tenant.Id,
            Name = name,
            TriggerId = trigger.Id,
            TriggerVersion = trigger.Version,
            Runtime = runtime,
            Code = code,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var writer = new ActionDraftWriter(secrets, clock);
        writer.ReplaceSecrets(action, request.Secrets);
        ActionDraftWriter.ReplaceDependencies(action, request.Dependencies, pinned);
        db.Actions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Action {ActionId} ({Trigger}) created", action.Id, action.TriggerId);
        return action;
    }

    /// <summary>Saves the draft. Live traffic keeps running the deployed version.</summary>
    public async Task<ActionDefinition> UpdateDraftAsync(string id, ActionUpdateRequest request, CancellationToken cancellationToken)
    {
        var pinned = request.Dependencies is null ? null : await dependencies.PinAsync(request.Dependencies, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var action = await FindAsync(db, id, cancellationToken, tracking: true);
        if (request.ExpectedStamp is { } expected && expected != action.ConcurrencyStamp)
            throw new OperationRejectedException(RejectionKind.Conflict, "This draft was changed elsewhere since you opened it. Reload to see the latest version.");

        if (request.FromVersionId is { } versionId)
            ActionDraftWriter.CopyVersion(action, await FindVersionAsync(db, id, versionId, cancellationToken));
        if (request.Name is not null && request.Name != action.Name)
        {
            var name = ValidateName(request.Name);
            if (await db.Actions.AnyAsync(a => a.TenantId == tenant.Id && a.Name == name && a.Id != id, cancellationToken))
                throw new OperationRejectedException(RejectionKind.Conflict, $"An Action named '{name}' already exists.");
            action.Name = name;
        }
        if (request.Code is not null)
        {
            ValidateSize(request.Code);
            action.Code = request.Code;
        }
        if (request.Runtime is not null)
            action.Runtime = ValidateRuntime(request.Runtime);
        if (request.Secrets is not null)
            new ActionDraftWriter(secrets, clock).ReplaceSecrets(action, request.Secrets);
        if (request.Dependencies is not null)
            ActionDraftWriter.ReplaceDependencies(action, request.Dependencies, pinned!);

        action.UpdatedAt = clock.GetUtcNow();
        action.AllChangesDeployed = false;
        action.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new OperationRejectedException(RejectionKind.Conflict, "This draft was changed elsewhere at the same time. Reload to see the latest version.");
        }
        return action;
    }

    /// <summary>Deletes an Action. A bound Action is refused unless <paramref name="force"/> removes it from its flow first.</summary>
    public async Task DeleteAsync(string id, bool force, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var action = await FindAsync(db, id, cancellationToken, tracking: true);
        var bindings = await db.TriggerBindings.Where(b => b.TenantId == tenant.Id && b.ActionId == id).ToListAsync(cancellationToken);
        if (bindings.Count > 0 && !force)
            throw new OperationRejectedException(RejectionKind.Conflict,
                $"The Action '{action.Name}' is bound to the {action.TriggerId} flow. Remove it from the flow first, or delete with force.");
        db.TriggerBindings.RemoveRange(bindings);
        db.Actions.Remove(action);
        await db.SaveChangesAsync(cancellationToken);
        flows.Forget((tenant.Id, action.TriggerId));
        logger.LogInformation("Action {ActionId} deleted (force: {Force}, unbound: {Bindings})", id, force, bindings.Count);
    }

    /// <summary>Checks the draft's code parses; null when it does.</summary>
    public ActionSyntaxError? CheckSyntax(string code) => validator.Validate(code);

    internal async Task<ActionDefinition> FindAsync(FlowgateDbContext db, string id, CancellationToken cancellationToken, bool tracking = false)
    {
        var query = db.Actions.Include(a => a.Secrets).Include(a => a.Dependencies).AsSplitQuery();
        if (!tracking)
            query = query.AsNoTracking();
        return await query.SingleOrDefaultAsync(a => a.TenantId == tenant.Id && a.Id == id, cancellationToken)
            ?? throw OperationRejectedException.NotFound("Action", id);
    }

    internal async Task<ActionVersion> FindVersionAsync(FlowgateDbContext db, string actionId, string versionId, CancellationToken cancellationToken) =>
        await db.ActionVersions.AsNoTracking().SingleOrDefaultAsync(v => v.TenantId == tenant.Id && v.ActionId == actionId && v.Id == versionId, cancellationToken)
            ?? throw OperationRejectedException.NotFound("Action version", versionId);

    private static string ValidateName(string name)
    {
        name = name.Trim();
        if (name.Length is 0 or > ActionLimits.MaxNameLength)
            throw new OperationRejectedException(RejectionKind.Invalid, $"An Action's name must be 1 to {ActionLimits.MaxNameLength} characters.");
        return name;
    }

    private static string ValidateRuntime(string? runtime)
    {
        runtime ??= ActionLimits.DefaultRuntime;
        if (!ActionLimits.Runtimes.Contains(runtime))
            throw new OperationRejectedException(RejectionKind.Invalid, $"Unknown runtime '{runtime}'. Use one of: {string.Join(", ", ActionLimits.Runtimes)}.");
        return runtime;
    }

    private static void ValidateSize(string code)
    {
        if (ActionLimits.CodeSizeProblem(code) is { } problem)
            throw new OperationRejectedException(RejectionKind.Invalid, problem);
    }
}
