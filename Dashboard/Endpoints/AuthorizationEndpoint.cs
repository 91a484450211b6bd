using Flowgate.Dashboard.Login;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Login;
using Microsoft.AspNetCore;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Endpoints;

/// <summary>
/// <c>/authorize</c>: OpenIddict has validated the client, redirect URI, response type and PKCE. The login itself is
/// <see cref="LoginTransaction"/>'s, driven by <see cref="AuthorizeLogin"/>: this endpoint reads the request and turns the
/// <see cref="LoginStep"/> it comes to into a redirect (a hosted page, a parked transaction), a code or an error.
/// </summary>
internal static class AuthorizationEndpoint
{
    public static IEndpointRouteBuilder MapAuthorizationEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, AuthorizeAudience audiences, AuthorizeLogin login)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var (audience, audienceRefusal) = await audiences.ReadAsync(request, context.RequestAborted);
        if (audienceRefusal is not null)
            return OidcErrors.Forbid(Errors.AccessDenied, audienceRefusal);
        var outcome = await login.RunAsync(context, request, AuthorizeRequest.Facts(context, request), audience);
        return outcome switch
        {
            { Step: LoginStep.Issue, Principal: { } principal } => Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme),
            { Step: LoginStep.Challenge or LoginStep.Redirect, Location: { } parked } => Results.Redirect(parked),
            _ => Translate(context, outcome.Step),
        };
    }

    private static IResult Translate(HttpContext context, LoginStep step) => step switch
    {
        LoginStep.Deny deny => OidcErrors.Forbid(deny.Error, deny.Description),
        LoginStep.ShowPage { Page: HostedPage.Consent } => Results.Redirect("/u/consent?returnUrl=" + Uri.EscapeDataString(AuthorizeRequest.Url(context, null))),
        LoginStep.ShowPage show => Results.Redirect((show.Page == HostedPage.Signup ? "/u/signup" : "/u/login")
            + "?returnUrl=" + Uri.EscapeDataString(AuthorizeRequest.Url(context, KeyValuePair.Create(AuthorizeRequest.LoginMarker, "1")))
            + (show.LoginHint is { Length: > 0 } hint ? "&login_hint=" + Uri.EscapeDataString(hint) : "")),
        _ => throw new InvalidOperationException($"The login step {step} has no HTTP translation here."),
    };
}
