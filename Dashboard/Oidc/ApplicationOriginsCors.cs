using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// CORS for the protocol endpoints a browser application calls itself (token, userinfo, discovery, keys,
/// revocation): an origin is allowed when an application lists it in its web origins, as on Auth0.
/// Answers are cached for <see cref="Remembered"/>, so an origin added in the dashboard works within that.
/// No credentials: these endpoints authenticate with tokens, never with this server's cookies.
/// </summary>
internal sealed class ApplicationOriginsCors(IDbContextFactory<FlowgateDbContext> contexts, IMemoryCache cache, CurrentTenant tenant) : ICorsPolicyProvider
{
    public static readonly TimeSpan Remembered = TimeSpan.FromSeconds(30);
    private static readonly string[] ProtocolPaths = ["/oauth/token", "/oauth/revoke", "/userinfo", "/.well-known"];

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !ProtocolPaths.Any(p => context.Request.Path.StartsWithSegments(p)))
            return null;
        var allowed = await cache.GetOrCreateAsync("cors-origin:" + origin, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Remembered;
            await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
            // Web origins are stored as a JSON array of exact origins: the quoted value matches one element.
            var quoted = System.Text.Json.JsonSerializer.Serialize(origin);
            return await db.Set<FlowgateApplication>().AnyAsync(a => a.TenantId == tenant.Id && a.WebOriginsJson.Contains(quoted), context.RequestAborted);
        });
        return allowed
            ? new CorsPolicyBuilder().WithOrigins(origin).AllowAnyHeader().WithMethods(HttpMethods.Get, HttpMethods.Post).SetPreflightMaxAge(TimeSpan.FromMinutes(10)).Build()
            : null;
    }
}
