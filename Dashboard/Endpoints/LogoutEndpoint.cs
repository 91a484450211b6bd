using Flowgate.Runtime.Applications;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.Server.AspNetCore;

namespace Flowgate.Dashboard.Endpoints;

/// <summary>
/// <c>/v2/logout</c> (Auth0's <c>returnTo</c> + <c>client_id</c>) and <c>/oidc/logout</c> (OIDC's
/// <c>post_logout_redirect_uri</c>, validated by OpenIddict). Either way the browser only goes back
/// to a URL an application allows: no open redirect.
/// </summary>
internal static class LogoutEndpoint
{
    public static IEndpointRouteBuilder MapLogoutEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/v2/logout", [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        routes.MapMethods("/oidc/logout", [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, OpenIddictApplicationManager<FlowgateApplication> applications)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        var request = context.GetOpenIddictServerRequest();
        if (!string.IsNullOrEmpty(request?.PostLogoutRedirectUri))
            return Results.SignOut(properties: null, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

        var returnTo = request?.GetParameter("returnTo")?.ToString();
        if (string.IsNullOrEmpty(returnTo))
            return Results.Content("<!DOCTYPE html><title>Logged out</title><p>You are logged out.</p>", "text/html");

        if (!await IsAllowedAsync(applications, request!.ClientId, returnTo, context.RequestAborted))
            return Results.BadRequest(new
            {
                error = "invalid_request",
                error_description = $"The returnTo URL \"{returnTo}\" is not in any application's allowed logout URLs.",
            });
        return Results.Redirect(returnTo);
    }

    private static async Task<bool> IsAllowedAsync(OpenIddictApplicationManager<FlowgateApplication> applications, string? clientId, string returnTo, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(clientId))
        {
            var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
            return application is not null && (await applications.GetPostLogoutRedirectUrisAsync(application, cancellationToken)).Contains(returnTo);
        }
        await foreach (var _ in applications.FindByPostLogoutRedirectUriAsync(returnTo, cancellationToken))
            return true;
        return false;
    }
}
