using System.Text.Json;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary><c>/api/v2/resource-servers</c>: the tenant's APIs in Auth0's shape.</summary>
internal static class ResourceServerEndpoints
{
    public static void MapResourceServers(this RouteGroupBuilder api)
    {
        api.MapGet("/resource-servers", ListAsync).RequireScope("read:resource_servers");
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request, IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, IssuerResolver issuers, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var servers = await db.ResourceServers.Where(r => r.TenantId == tenant.Id).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var issuer = issuers.Resolve(request);
        return TypedResults.Ok(servers.Select(r => new
        {
            id = r.Id,
            name = r.Name,
            identifier = r.IsSystem ? ManagementApi.AudienceFor(issuer) : r.Identifier,
            is_system = r.IsSystem,
            token_lifetime = r.TokenLifetimeSeconds,
            signing_alg = "RS256",
            scopes = JsonSerializer.Deserialize<JsonElement>(r.ScopesJson),
        }));
    }
}
