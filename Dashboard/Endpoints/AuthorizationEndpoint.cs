using Flowgate.Dashboard.Login;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Endpoints;

/// <summary>
/// <c>/authorize</c>: OpenIddict has validated the client, redirect URI, response type and PKCE;
/// here the user is identified (hosted login page) and the code is issued.
/// </summary>
internal static class AuthorizationEndpoint
{
    public static IEndpointRouteBuilder MapAuthorizationEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, UserManager<TenantUser> users, LoginClaims claims, ResourceServerService apis,
        ApplicationService applications, PostLoginFlow postLogin)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        if (user is null || user.Blocked || request.HasPromptValue(PromptValues.Login) && !JustLoggedIn(context, session))
        {
            if (request.HasPromptValue(PromptValues.None))
                return OidcErrors.Forbid(Errors.LoginRequired, "The user is not logged in.");
            return Results.Redirect("/u/login?returnUrl=" + Uri.EscapeDataString(ReturnUrl(context, request)));
        }

        var audience = request.GetParameter("audience")?.ToString();
        if (!string.IsNullOrEmpty(audience) && !await apis.ExistsAsync(audience, context.RequestAborted))
            return OidcErrors.Forbid(Errors.AccessDenied, $"Service not found: {audience}");

        var identity = await claims.CreateAsync(user, request.GetScopes(), string.IsNullOrEmpty(audience) ? null : audience);
        var eventJson = PostLoginEvent.Build(context, request, user, [.. await users.GetRolesAsync(user)],
            await applications.FindNameAsync(request.ClientId!, context.RequestAborted), string.IsNullOrEmpty(audience) ? null : audience);
        if (await postLogin.RunAsync(eventJson, user, identity, context.RequestAborted) is { } denied)
            return OidcErrors.Forbid(Errors.AccessDenied, denied);
        return Results.SignIn(new System.Security.Claims.ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // prompt=login is satisfied by a login on the hosted page that just happened (marker plus a fresh session),
    // so the redirect back from the login page does not loop.
    private static bool JustLoggedIn(HttpContext context, AuthenticateResult session) =>
        context.Request.Query.ContainsKey("flowgate_login")
        && session.Properties?.IssuedUtc > DateTimeOffset.UtcNow.AddMinutes(-2);

    private static string ReturnUrl(HttpContext context, OpenIddictRequest request)
    {
        var parameters = context.Request.HasFormContentType
            ? context.Request.Form.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()))
            : context.Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()));
        var query = QueryString.Create(parameters.Where(p => p.Key != "flowgate_login").Append(KeyValuePair.Create("flowgate_login", "1"))!);
        return context.Request.PathBase + context.Request.Path + query;
    }
}
