using System.Security.Claims;
using Flowgate.Runtime.Actions;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary><c>/api/v2/actions/actions</c>: Actions, their drafts, deploys, versions and rollbacks.</summary>
internal static class ActionEndpoints
{
    public static void MapActions(this RouteGroupBuilder api)
    {
        var actions = api.MapGroup("/actions/actions");
        actions.MapGet("/", ListAsync).RequireScope("read:actions");
        actions.MapPost("/", CreateAsync).RequireScope("create:actions");
        actions.MapGet("/{id}", GetAsync).RequireScope("read:actions");
        actions.MapPatch("/{id}", UpdateAsync).RequireScope("update:actions");
        actions.MapDelete("/{id}", DeleteAsync).RequireScope("delete:actions");
        actions.MapPost("/{id}/deploy", DeployAsync).RequireScope("update:actions");
        actions.MapGet("/{id}/versions", ListVersionsAsync).RequireScope("read:actions");
        actions.MapGet("/{id}/versions/{versionId}", GetVersionAsync).RequireScope("read:actions");
        actions.MapPost("/{id}/versions/{versionId}/deploy", RollbackAsync).RequireScope("update:actions");
    }

    private static async Task<IResult> ListAsync(ActionService service, ActionDeployer deployer, string? triggerId, string? actionName,
        bool? deployed, int? page, int? per_page, CancellationToken cancellationToken)
    {
        var result = await service.ListAsync(new ActionFilter(triggerId, actionName, deployed, page ?? 0, per_page ?? 20), cancellationToken);
        var versions = await deployer.DeployedVersionsAsync(result.Items, cancellationToken);
        var items = result.Items.Select(a => ActionJson.Action(a, versions.GetValueOrDefault(a.Id)));
        return TypedResults.Ok(new { total = result.Total, page = result.Page, per_page = result.PerPage, actions = items });
    }

    private static async Task<IResult> CreateAsync(CreateActionBody body, ActionService service, ActionDeployer deployer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Name))
            return ManagementError.Result(400, "Payload validation error: 'name' is required.", "invalid_body");
        if (body.SupportedTriggers is not [var trigger])
            return ManagementError.Result(400, "Payload validation error: 'supported_triggers' must list exactly one trigger.", "invalid_body");
        var action = await service.CreateAsync(new ActionCreateRequest
        {
            Name = body.Name,
            TriggerId = trigger.Id,
            TriggerVersion = trigger.Version,
            Code = body.Code,
            Runtime = body.Runtime,
            Dependencies = body.Dependencies?.Select(d => new DependencyInput(d.Name, d.Version)).ToList() ?? [],
            Secrets = body.Secrets?.Select(s => new SecretInput(s.Name, s.Value)).ToList() ?? [],
        }, cancellationToken);
        ActionVersion? deployed = null;
        if (body.Deploy == true)
        {
            deployed = await deployer.DeployAsync(action.Id, Actor(user), cancellationToken);
            action = await service.GetAsync(action.Id, cancellationToken);
        }
        return TypedResults.Created($"/api/v2/actions/actions/{action.Id}", ActionJson.Action(action, deployed));
    }

    private static async Task<IResult> GetAsync(string id, ActionService service, ActionDeployer deployer, CancellationToken cancellationToken)
    {
        var action = await service.GetAsync(id, cancellationToken);
        return TypedResults.Ok(ActionJson.Action(action, await DeployedAsync(deployer, action, cancellationToken)));
    }

    private static async Task<IResult> UpdateAsync(string id, UpdateActionBody body, ActionService service, ActionDeployer deployer, CancellationToken cancellationToken)
    {
        // The Deploy CLI re-sends the trigger it exported; an Action's trigger is fixed when it is made.
        if (body.SupportedTriggers is not null && (await service.GetAsync(id, cancellationToken)) is var current
            && (body.SupportedTriggers is not [var trigger] || trigger.Id != current.TriggerId || (trigger.Version ?? current.TriggerVersion) != current.TriggerVersion))
            return ManagementError.Result(400, $"An Action's trigger cannot change: this one is {current.TriggerId} {current.TriggerVersion}.", "invalid_body");
        var action = await service.UpdateDraftAsync(id, new ActionUpdateRequest
        {
            Name = body.Name,
            Code = body.Code,
            Runtime = body.Runtime,
            Dependencies = body.Dependencies?.Select(d => new DependencyInput(d.Name, d.Version)).ToList(),
            Secrets = body.Secrets?.Select(s => new SecretInput(s.Name, s.Value)).ToList(),
        }, cancellationToken);
        return TypedResults.Ok(ActionJson.Action(action, await DeployedAsync(deployer, action, cancellationToken)));
    }

    private static async Task<IResult> DeleteAsync(string id, bool? force, ActionService service, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(id, force ?? false, cancellationToken);
        return TypedResults.NoContent();
    }

    // The Action's saved tests run first; ?force=true deploys although some fail (Flowgate's addition to Auth0's endpoint).
    private static async Task<IResult> DeployAsync(string id, bool? force, ActionDeployer deployer, ActionService service, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var version = await deployer.DeployAsync(id, Actor(user), force ?? false, cancellationToken);
        return TypedResults.Accepted($"/api/v2/actions/actions/{id}/versions/{version.Id}", ActionJson.Version(version, await service.GetAsync(id, cancellationToken)));
    }

    private static async Task<IResult> ListVersionsAsync(string id, int? page, int? per_page, ActionDeployer deployer, CancellationToken cancellationToken)
    {
        var result = await deployer.ListVersionsAsync(id, page ?? 0, per_page ?? 20, cancellationToken);
        return TypedResults.Ok(new { total = result.Total, page = result.Page, per_page = result.PerPage, versions = result.Items.Select(v => ActionJson.Version(v)) });
    }

    private static async Task<IResult> GetVersionAsync(string id, string versionId, ActionDeployer deployer, CancellationToken cancellationToken) =>
        TypedResults.Ok(ActionJson.Version(await deployer.GetVersionAsync(id, versionId, cancellationToken)));

    private static async Task<IResult> RollbackAsync(string id, string versionId, HttpRequest request, ActionDeployer deployer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // The body is optional on Auth0 ({update_draft?}); an empty body is a plain rollback.
        var body = request.ContentLength > 0 ? await request.ReadFromJsonAsync<RollbackBody>(cancellationToken) : null;
        var version = await deployer.RollbackAsync(id, versionId, body?.UpdateDraft ?? false, Actor(user), cancellationToken);
        return TypedResults.Accepted($"/api/v2/actions/actions/{id}/versions/{version.Id}", ActionJson.Version(version));
    }

    private static async Task<ActionVersion?> DeployedAsync(ActionDeployer deployer, ActionDefinition action, CancellationToken cancellationToken) =>
        action.DeployedVersionId is null ? null : await deployer.GetVersionAsync(action.Id, action.DeployedVersionId, cancellationToken);

    private static string? Actor(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? user.Identity?.Name;
}
