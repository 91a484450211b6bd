using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Role membership from either side: <c>/api/v2/users/{id}/roles</c> and <c>/api/v2/roles/{id}/users</c>,
/// with the scopes Auth0 accepts for each.
/// </summary>
internal static class RoleMemberEndpoints
{
    public static void MapRoleMembers(this RouteGroupBuilder api)
    {
        api.MapGet("/users/{id}/roles", RolesOfUserAsync).RequireScope("read:users", "read:roles", "read:role_members");
        api.MapPost("/users/{id}/roles", AssignRolesAsync).RequireScope("update:users", "create:role_members");
        api.MapDelete("/users/{id}/roles", RemoveRolesAsync).RequireScope("update:users", "delete:role_members");
        api.MapGet("/roles/{id}/users", UsersOfRoleAsync).RequireScope("read:users", "read:roles", "read:role_members");
        api.MapPost("/roles/{id}/users", AssignUsersAsync).RequireScope("update:roles", "create:role_members");
    }

    private static async Task<IResult> RolesOfUserAsync(string id, int? page, int? per_page, bool? include_totals, RoleAssignments assignments, CancellationToken cancellationToken)
    {
        var result = await assignments.RolesOfUserAsync(id, page ?? 0, per_page ?? ManagementPaging.DefaultPerPage, cancellationToken);
        return ManagementPaging.Result(result, "roles", include_totals, UserJson.Role);
    }

    private static async Task<IResult> AssignRolesAsync(string id, RoleIdsBody body, RoleAssignments assignments, CancellationToken cancellationToken)
    {
        if (body.Roles is not { Count: > 0 } roles)
            return RolesRequired();
        await assignments.AssignRolesAsync(id, roles, cancellationToken);
        return TypedResults.NoContent();
    }

    // DELETE with a body, as on Auth0.
    private static async Task<IResult> RemoveRolesAsync(string id, [FromBody] RoleIdsBody body, RoleAssignments assignments, CancellationToken cancellationToken)
    {
        if (body.Roles is not { Count: > 0 } roles)
            return RolesRequired();
        await assignments.RemoveRolesAsync(id, roles, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> UsersOfRoleAsync(string id, int? page, int? per_page, bool? include_totals, RoleAssignments assignments, CancellationToken cancellationToken)
    {
        var result = await assignments.UsersOfRoleAsync(id, page ?? 0, per_page ?? ManagementPaging.DefaultPerPage, cancellationToken);
        return ManagementPaging.Result(result, "users", include_totals, UserJson.Member);
    }

    private static async Task<IResult> AssignUsersAsync(string id, UserIdsBody body, RoleAssignments assignments, CancellationToken cancellationToken)
    {
        if (body.Users is not { Count: > 0 } users)
            return ManagementError.Result(400, "Payload validation error: 'users' must list at least one user id.", "invalid_body");
        await assignments.AssignUsersAsync(id, users, cancellationToken);
        return TypedResults.Ok();
    }

    private static IResult RolesRequired() =>
        ManagementError.Result(400, "Payload validation error: 'roles' must list at least one role id.", "invalid_body");
}
