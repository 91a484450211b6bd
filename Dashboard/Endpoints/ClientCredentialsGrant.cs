using System.Security.Claims;
using Flowgate.Dashboard.Login;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Endpoints;

/// <summary>
/// The client credentials grant with Auth0's rules: an <c>audience</c> is required, the client needs a
/// client grant for that API, and the token carries the granted scopes (all of them, or those requested),
/// as the credentials-exchange flow leaves them.
/// </summary>
internal sealed class ClientCredentialsGrant(
    IDbContextFactory<FlowgateDbContext> contexts,
    IssuerResolver issuers,
    CurrentTenant tenant,
    CredentialsExchangeFlow flow,
    LoginEvents events,
    ClientGrantCache grants)
{
    // The API and the client's grant for it in one read, compiled once: a token request is the hottest path there is.
    private static readonly CompiledQueryPerModel<Func<FlowgateDbContext, string, string, string, CancellationToken, Task<GrantedApi?>>> ApiAndGrant = new(() => EF.CompileAsyncQuery(
        (FlowgateDbContext db, string tenantId, string audience, string clientId, CancellationToken _) =>
            db.ResourceServers.AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.Identifier == audience)
                .Select(r => new GrantedApi(r.TokenLifetimeSeconds,
                    db.ClientGrants.Where(g => g.TenantId == tenantId && g.ClientId == clientId && g.Audience == audience).Select(g => g.Scope).SingleOrDefault()))
                .SingleOrDefault()));

    public async Task<IResult> HandleAsync(HttpContext context, OpenIddictRequest request, CancellationToken cancellationToken)
    {
        var audience = request.GetParameter("audience")?.ToString();
        if (string.IsNullOrWhiteSpace(audience))
            return OidcErrors.Forbid(Errors.AccessDenied, "No audience parameter was provided, and no default audience has been configured.");

        var issuer = issuers.Resolve();
        var storedAudience = audience == ManagementApi.AudienceFor(issuer) ? ManagementApi.IdentifierSuffix : audience;
        var found = await FindAsync(storedAudience, request.ClientId ?? "", cancellationToken);
        if (found is null)
            return OidcErrors.Forbid(Errors.AccessDenied, $"Service not found: {audience}");
        if (found.Scope is null)
            return OidcErrors.Forbid(Errors.AccessDenied,
                $"Client is not authorized to access \"{audience}\". You need to create a \"client-grant\" associated to this API.");

        var granted = found.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var requested = request.GetScopes();
        var scopes = requested.IsEmpty ? granted : granted.Intersect(requested, StringComparer.Ordinal).ToArray();
        if (!requested.IsEmpty && scopes.Length == 0)
            return OidcErrors.Forbid(Errors.InvalidScope, "None of the requested scopes is granted to this client for this API.");

        var decision = await flow.RunAsync(context, request, audience, scopes, granted, cancellationToken);
        if (decision.Error is not null)
        {
            events.Write(context, LogTypes.ClientCredentialsFailed, decision.ErrorDescription!, clientId: request.ClientId, executionId: decision.ExecutionId);
            return OidcErrors.Forbid(decision.Error, decision.ErrorDescription!);
        }
        events.Write(context, LogTypes.ClientCredentialsExchanged, $"Client credentials for {audience}", clientId: request.ClientId, executionId: decision.ExecutionId);

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        // Auth0's subject for machine-to-machine tokens.
        identity.SetClaim(Claims.Subject, request.ClientId + "@clients");
        identity.SetClaim("azp", request.ClientId);
        identity.SetClaim("gty", "client-credentials");
        identity.SetScopes(decision.Scopes);
        identity.SetResources(audience);
        identity.SetAccessTokenLifetime(TimeSpan.FromSeconds(found.TokenLifetimeSeconds));
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        ActionClaims.Add(identity, decision.Outcome);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // Read through ClientGrantCache: a change on this instance is seen at once, one on another instance within 2 s.
    private async Task<GrantedApi?> FindAsync(string storedAudience, string clientId, CancellationToken cancellationToken)
    {
        var key = (tenant.Id, storedAudience, clientId);
        if (grants.TryGet(key, out var known))
            return known;
        var read = grants.BeginRead();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await ApiAndGrant.For(db)(db, tenant.Id, storedAudience, clientId, cancellationToken);
        if (found is not null)
            grants.Set(key, found, read);
        return found;
    }
}
