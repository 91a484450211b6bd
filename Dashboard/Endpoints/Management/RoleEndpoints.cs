using Flowgate.Runtime.Identity;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary><c>/api/v2/roles</c>: the tenant's roles.</summary>
internal static class RoleEndpoints
{
    public static void MapRoles(this RouteGroupBuilder api)
    {
        var roles = api.MapGroup("/roles");
        roles.MapGet("/", ListAsync).RequireScope("read:roles");
        roles.MapPost("/", CreateAsync).RequireScope("create:roles");
        roles.MapGet("/{id}", GetAsync).RequireScope("read:roles");
        roles.MapPatch("/{id}", UpdateAsync).RequireScope("update:roles");
        roles.MapDelete("/{id}", DeleteAsync).RequireScope("delete:roles");
    }

    private static async Task<IResult> ListAsync(string? name_filter, int? page, int? per_page, bool? include_totals, RoleService service, CancellationToken cancellationToken)
    {
        var result = await service.ListAsync(name_filter, page ?? 0, per_page ?? ManagementPaging.DefaultPerPage, cancellationToken);
        return ManagementPaging.Result(result, "roles", include_totals, UserJson.Role);
    }

    private static async Task<IResult> CreateAsync(RoleBody body, RoleService service, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Name))
            return ManagementError.Result(400, "Payload validation error: 'name' is required.", "invalid_body");
        var role = await service.CreateAsync(body.Name, body.Description, cancellationToken);
        return TypedResults.Ok(UserJson.Role(role));
    }

    private static async Task<IResult> GetAsync(string id, RoleService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(UserJson.Role(await service.GetAsync(id, cancellationToken)));

    private static async Task<IResult> UpdateAsync(string id, RoleBody body, RoleService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(UserJson.Role(await service.UpdateAsync(id, body.Name, body.Description, cancellationToken)));

    private static async Task<IResult> DeleteAsync(string id, RoleService service, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }
}
