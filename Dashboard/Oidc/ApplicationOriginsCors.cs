using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// CORS for the protocol endpoints a browser application calls itself (token, userinfo, discovery, keys,
/// revocation): an origin is allowed when an application lists it in its web origins or allowed origins, or has a
/// callback URL at that origin, as on Auth0. Nothing is remembered: an origin added in the dashboard works at once, and a
/// removed one stops at once. No credentials: these endpoints authenticate with tokens, never with this server's cookies.
/// </summary>
internal sealed class ApplicationOriginsCors(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant) : ICorsPolicyProvider
{
    private static readonly string[] ProtocolPaths = ["/oauth/token", "/oauth/revoke", "/userinfo", "/.well-known"];

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !ProtocolPaths.Any(p => context.Request.Path.StartsWithSegments(p)) || !Uri.TryCreate(origin, UriKind.Absolute, out _))
            return null;
        return await AllowedAsync(origin, context.RequestAborted)
            ? new CorsPolicyBuilder().WithOrigins(origin).AllowAnyHeader().WithMethods(HttpMethods.Get, HttpMethods.Post).SetPreflightMaxAge(TimeSpan.FromMinutes(10)).Build()
            : null;
    }

    private async Task<bool> AllowedAsync(string origin, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The lists are stored as JSON arrays: the quoted origin matches a web origin exactly, and a callback URL
        // at the origin starts with it and a slash (so https://app.example.com never matches https://app.example.com.evil.net/).
        var quoted = System.Text.Json.JsonSerializer.Serialize(origin);
        var callbackPrefix = quoted[..^1] + "/";
        return await db.Set<FlowgateApplication>().AnyAsync(a => a.TenantId == tenant.Id
            && (a.WebOriginsJson.Contains(quoted) || a.AllowedOriginsJson.Contains(quoted) || a.RedirectUris != null && (a.RedirectUris.Contains(callbackPrefix) || a.RedirectUris.Contains(quoted))), cancellationToken);
    }
}
