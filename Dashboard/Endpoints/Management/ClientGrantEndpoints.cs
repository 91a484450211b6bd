using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary><c>/api/v2/client-grants</c>: which applications may call which API with which scopes.</summary>
internal static class ClientGrantEndpoints
{
    public static void MapClientGrants(this RouteGroupBuilder api)
    {
        var grants = api.MapGroup("/client-grants");
        grants.MapGet("/", ListAsync).RequireScope("read:client_grants");
        grants.MapPost("/", CreateAsync).RequireScope("create:client_grants");
        grants.MapPatch("/{id}", UpdateAsync).RequireScope("update:client_grants");
        grants.MapDelete("/{id}", DeleteAsync).RequireScope("delete:client_grants");
    }

    private static async Task<IResult> ListAsync(string? client_id, string? audience, ClientGrantService service, IssuerResolver issuers, CancellationToken cancellationToken)
    {
        var issuer = issuers.Resolve();
        var grants = await service.ListAsync(client_id, audience is null ? null : ManagementAudiences.Stored(audience, issuer), cancellationToken);
        return TypedResults.Ok(grants.Select(g => Json(g, issuer)));
    }

    private static async Task<IResult> CreateAsync(ClientGrantBody body, ClientGrantService service, IssuerResolver issuers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.ClientId) || string.IsNullOrWhiteSpace(body.Audience) || body.Scope is null)
            return ManagementError.Result(400, "Payload validation error: 'client_id', 'audience' and 'scope' are required.", "invalid_body");
        var issuer = issuers.Resolve();
        var grant = await service.CreateAsync(body.ClientId, ManagementAudiences.Stored(body.Audience, issuer), body.Scope, cancellationToken);
        return TypedResults.Created($"/api/v2/client-grants/{grant.Id}", Json(grant, issuer));
    }

    private static async Task<IResult> UpdateAsync(string id, ClientGrantBody body, ClientGrantService service, IssuerResolver issuers, CancellationToken cancellationToken)
    {
        if (body.Scope is null)
            return ManagementError.Result(400, "Payload validation error: 'scope' is required.", "invalid_body");
        return TypedResults.Ok(Json(await service.UpdateAsync(id, body.Scope, cancellationToken), issuers.Resolve()));
    }

    private static async Task<IResult> DeleteAsync(string id, ClientGrantService service, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static object Json(ClientGrant grant, string issuer) => new
    {
        id = grant.Id,
        client_id = grant.ClientId,
        audience = ManagementAudiences.Shown(grant.Audience, issuer),
        scope = grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries),
    };
}
