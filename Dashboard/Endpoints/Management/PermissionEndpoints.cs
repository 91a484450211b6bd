using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Auth0's RBAC permissions: <c>/api/v2/roles/{id}/permissions</c> and <c>/api/v2/users/{id}/permissions</c>
/// (a user's list includes the permissions of the user's roles, with their <c>sources</c>).
/// </summary>
internal static class PermissionEndpoints
{
    public static void MapPermissions(this RouteGroupBuilder api)
    {
        api.MapGet("/roles/{id}/permissions", RoleListAsync).RequireScope("read:roles");
        api.MapPost("/roles/{id}/permissions", (string id, PermissionsBody body, UserPermissions permissions, CancellationToken ct) =>
            ChangeAsync(PermissionGrant.RoleHolder, id, body, permissions.AddAsync, TypedResults.Created(), ct)).RequireScope("update:roles", "create:role_members");
        api.MapDelete("/roles/{id}/permissions", (string id, [FromBody] PermissionsBody body, UserPermissions permissions, CancellationToken ct) =>
            ChangeAsync(PermissionGrant.RoleHolder, id, body, permissions.RemoveAsync, TypedResults.NoContent(), ct)).RequireScope("update:roles", "delete:role_members");
        api.MapGet("/users/{id}/permissions", UserListAsync).RequireScope("read:users");
        api.MapPost("/users/{id}/permissions", (string id, PermissionsBody body, UserPermissions permissions, CancellationToken ct) =>
            ChangeAsync(PermissionGrant.UserHolder, id, body, permissions.AddAsync, TypedResults.Created(), ct)).RequireScope("update:users");
        api.MapDelete("/users/{id}/permissions", (string id, [FromBody] PermissionsBody body, UserPermissions permissions, CancellationToken ct) =>
            ChangeAsync(PermissionGrant.UserHolder, id, body, permissions.RemoveAsync, TypedResults.NoContent(), ct)).RequireScope("update:users");
    }

    private static async Task<IResult> RoleListAsync(string id, int? page, int? per_page, bool? include_totals, UserPermissions permissions, CancellationToken cancellationToken)
    {
        var result = await permissions.OfRoleAsync(id, page ?? 0, per_page ?? ManagementPaging.DefaultPerPage, cancellationToken);
        return ManagementPaging.Result(result, "permissions", include_totals, p => Json(p, sources: false));
    }

    private static async Task<IResult> UserListAsync(string id, int? page, int? per_page, bool? include_totals, UserPermissions permissions, CancellationToken cancellationToken)
    {
        var result = await permissions.OfUserAsync(id, page ?? 0, per_page ?? ManagementPaging.DefaultPerPage, cancellationToken);
        return ManagementPaging.Result(result, "permissions", include_totals, p => Json(p, sources: true));
    }

    // POST answers 201 and DELETE 204, as on Auth0.
    private static async Task<IResult> ChangeAsync(string holderKind, string holderId, PermissionsBody body,
        Func<string, string, IReadOnlyCollection<PermissionRef>, CancellationToken, Task> change, IResult done, CancellationToken cancellationToken)
    {
        if (body.Permissions is not { Count: > 0 } permissions)
            return ManagementError.Result(400, "Payload validation error: 'permissions' must list at least one permission.", "invalid_body");
        if (permissions.Any(p => string.IsNullOrEmpty(p.ResourceServerIdentifier) || string.IsNullOrEmpty(p.PermissionName)))
            return ManagementError.Result(400, "Payload validation error: each permission needs 'resource_server_identifier' and 'permission_name'.", "invalid_body");
        await change(holderKind, holderId, [.. permissions.Select(p => new PermissionRef(p.ResourceServerIdentifier!, p.PermissionName!))], cancellationToken);
        return done;
    }

    private static object Json(HeldPermission permission, bool sources)
    {
        var json = new Dictionary<string, object>
        {
            ["permission_name"] = permission.PermissionName,
            ["description"] = permission.Description,
            ["resource_server_name"] = permission.ResourceServerName,
            ["resource_server_identifier"] = permission.ResourceServerIdentifier,
        };
        if (sources)
            json["sources"] = permission.Sources.Select(s => new { source_id = s.SourceId, source_name = s.SourceName, source_type = s.SourceType });
        return json;
    }
}
