using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Turns authorization failures on <c>/api/v2</c> into Auth0's JSON errors (401 without a valid token
/// for this API, 403 with a missing scope). Everything else keeps ASP.NET Core's default behaviour.
/// </summary>
internal sealed class ManagementAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!context.Request.Path.StartsWithSegments(ManagementApiEndpoints.BasePath) || result.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }

        var error = Describe(context, result);
        await error.WriteAsync(context.Response);
    }

    private static ManagementError Describe(HttpContext context, PolicyAuthorizationResult result)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            var hasToken = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            return new ManagementError(401, "Unauthorized", hasToken ? "Invalid token" : "Missing authentication");
        }

        var failed = result.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
        if (failed.OfType<ManagementAudienceRequirement>().Any())
            return new ManagementError(401, "Unauthorized", "Bad audience: the token was not issued for this Management API.");

        var scopes = failed.OfType<ManagementScopeRequirement>().SelectMany(r => r.AnyOf);
        return new ManagementError(403, "Forbidden", "Insufficient scope, expected any of: " + string.Join(',', scopes), "insufficient_scope");
    }
}
