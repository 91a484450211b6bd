using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary><c>/api/v2/resource-servers</c>: the tenant's APIs in Auth0's shape; <c>{id}</c> may also be the identifier.</summary>
internal static class ResourceServerEndpoints
{
    public static void MapResourceServers(this RouteGroupBuilder api)
    {
        var servers = api.MapGroup("/resource-servers");
        servers.MapGet("/", ListAsync).RequireScope("read:resource_servers");
        servers.MapPost("/", CreateAsync).RequireScope("create:resource_servers");
        servers.MapGet("/{id}", GetAsync).RequireScope("read:resource_servers");
        servers.MapPatch("/{id}", UpdateAsync).RequireScope("update:resource_servers");
        servers.MapDelete("/{id}", DeleteAsync).RequireScope("delete:resource_servers");
    }

    private static async Task<IResult> ListAsync(int? page, int? per_page, bool? include_totals, ResourceServerService service, IssuerResolver issuers, CancellationToken cancellationToken)
    {
        var issuer = issuers.Resolve();
        var servers = await service.ListAsync(cancellationToken);
        return ManagementPaging.Result(ManagementPaging.Page(servers, page, per_page), "resource_servers", include_totals, r => Json(r, issuer, service));
    }

    private static async Task<IResult> CreateAsync(ResourceServerBody body, ResourceServerService service, IssuerResolver issuers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Identifier))
            return ManagementError.Result(400, "Payload validation error: 'identifier' is required.", "invalid_body");
        if (ManagementAudiences.Reserved(body.Identifier, issuers.Resolve()))
            return Taken(body.Identifier);
        var server = await service.CreateAsync(Settings(body), cancellationToken);
        return TypedResults.Created($"/api/v2/resource-servers/{server.Id}", Json(server, issuers.Resolve(), service));
    }

    private static async Task<IResult> GetAsync(string id, ResourceServerService service, IssuerResolver issuers, CancellationToken cancellationToken)
    {
        var issuer = issuers.Resolve();
        return TypedResults.Ok(Json(await service.GetAsync(Identifier(id, issuer), cancellationToken), issuer, service));
    }

    private static async Task<IResult> UpdateAsync(string id, ResourceServerBody body, ResourceServerService service, IssuerResolver issuers, CancellationToken cancellationToken)
    {
        var issuer = issuers.Resolve();
        if (body.Identifier is not null && ManagementAudiences.Reserved(body.Identifier, issuer))
            return Taken(body.Identifier);
        return TypedResults.Ok(Json(await service.UpdateAsync(Identifier(id, issuer), Settings(body), cancellationToken), issuer, service));
    }

    private static async Task<IResult> DeleteAsync(string id, ResourceServerService service, IssuerResolver issuers, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(Identifier(id, issuers.Resolve()), cancellationToken);
        return TypedResults.NoContent();
    }

    // Auth0's answer to an identifier already in use; the Management API's is, in every spelling.
    private static IResult Taken(string identifier) =>
        ManagementError.Result(409, $"A resource server with the same identifier already exists: {identifier.Trim()}", "resource_server_conflict");

    // An identifier in the path arrives URL-encoded, and ASP.NET Core leaves %2F encoded in route values.
    private static string Identifier(string id, string issuer) => ManagementAudiences.Stored(Uri.UnescapeDataString(id), issuer);

    private static ResourceServerSettings Settings(ResourceServerBody body) => new()
    {
        Name = body.Name, Identifier = body.Identifier, Scopes = body.Scopes, TokenLifetime = body.TokenLifetime,
        EnforcePolicies = body.EnforcePolicies, TokenDialect = body.TokenDialect, AllowOfflineAccess = body.AllowOfflineAccess,
        SigningAlg = body.SigningAlg, SigningSecret = body.SigningSecret,
    };

    // Auth0 shows an API's HS256 secret to whoever may read the API, and leaves the field out when there is none.
    private static JsonObject Json(ResourceServer server, string issuer, ResourceServerService service)
    {
        var json = JsonSerializer.SerializeToNode(Json(server, issuer))!.AsObject();
        if (service.SigningSecret(server) is { } secret)
            json["signing_secret"] = secret;
        return json;
    }

    private static object Json(ResourceServer server, string issuer) => new
    {
        id = server.Id,
        // Auth0's tools (the Deploy CLI) recognise the system API by Auth0's name and leave it out of exports and imports.
        name = server.IsSystem ? ManagementApi.Auth0Name : server.Name,
        identifier = ManagementAudiences.Shown(server.Identifier, issuer),
        is_system = server.IsSystem,
        token_lifetime = server.TokenLifetimeSeconds,
        signing_alg = server.SigningAlg,
        enforce_policies = server.EnforcePolicies,
        token_dialect = server.TokenDialect,
        allow_offline_access = server.AllowOfflineAccess,
        skip_consent_for_verifiable_first_party_clients = true,
        scopes = ResourceServerScope.Parse(server.ScopesJson),
    };
}
