using Flowgate.Dashboard.Login;
using Flowgate.Dashboard.Login.Mfa;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Flowgate.Runtime.Mfa;
using Flowgate.Shared.Flows;
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
        ApplicationService applications, PostLoginFlow postLogin, SuspendedLogins suspended, MfaEnrollments enrollments, LoginMfa mfa, LoginEvents events, Consents consents)
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
        if (!await consents.SatisfiedAsync(user.Id, request.ClientId!, request.GetScopes(), context.RequestAborted))
        {
            if (Parameter(context, ConsentMarker) == "denied")
                return OidcErrors.Forbid(Errors.AccessDenied, "The user did not authorize the application.");
            if (request.HasPromptValue(PromptValues.None))
                return OidcErrors.Forbid(Errors.ConsentRequired, "The user has not authorized the application yet.");
            return Results.Redirect("/u/consent?returnUrl=" + Uri.EscapeDataString(AuthorizeUrl(context, null)));
        }

        var identity = await claims.CreateAsync(user, request.GetScopes(), string.IsNullOrEmpty(audience) ? null : audience);
        FlowExecutionResult? flow;
        var mfaDone = false;
        if (Parameter(context, ContinueMarker) is { Length: > 0 } state)
        {
            // Back from /continue or a factor page: the flow has finished there; apply its result once, to the same user and client.
            var login = await suspended.TakeAsync(state, context.RequestAborted);
            // Bound to the exact request the flow ran for: a replay with wider scopes or another audience gets nothing.
            if (login?.Finished is null || login.Mfa is not null || login.Reset is not null || login.UserId != user.Id || login.ClientId != request.ClientId
                || login.RequestHash != Fingerprint(request))
                return OidcErrors.Forbid(Errors.AccessDenied, "The login could not be resumed: it expired or belongs to another session. Log in again.");
            (flow, mfaDone) = (login.Finished, login.MfaDone);
        }
        else
        {
            var eventJson = PostLoginEvent.Build(context, request, user, [.. await users.GetRolesAsync(user)],
                await applications.FindNameAsync(request.ClientId!, context.RequestAborted), string.IsNullOrEmpty(audience) ? null : audience,
                await enrollments.ConfirmedTypesAsync(user.Id, context.RequestAborted),
                session.Principal!.FindFirst(EndUserSignIn.MethodClaim)?.Value ?? "pwd", session.Properties?.IssuedUtc ?? DateTimeOffset.UtcNow);
            flow = await postLogin.ExecuteAsync(eventJson, context.RequestAborted);
        }
        if (flow is not null)
        {
            var decision = await mfa.DecideAsync(context, flow, user, mfaDone);
            flow = decision.Flow;
            if (decision.Denial is { } refused)
            {
                await postLogin.FlushMetadataAsync(flow, user);
                return OidcErrors.Forbid(Errors.AccessDenied, refused);
            }
            if (decision.Prompt is not null || PostLoginFlow.RedirectOf(flow) is not null)
            {
                if (request.HasPromptValue(PromptValues.None))
                    return OidcErrors.Forbid(Errors.InteractionRequired, "The login flow needs the user (a redirect or a multi-factor step), which prompt=none does not allow.");
                return await ParkAsync(context, request, flow, decision.Prompt, mfaDone, user, request.ClientId!, postLogin, suspended);
            }
        }
        var clientName = await applications.FindNameAsync(request.ClientId!, context.RequestAborted);
        if (flow is not null && await postLogin.ApplyAsync(flow, user, identity) is { } denied)
        {
            events.Write(context, LogTypes.FailedLogin, denied, user, clientId: request.ClientId, clientName: clientName, executionId: flow.ExecutionId);
            return OidcErrors.Forbid(Errors.AccessDenied, denied);
        }
        events.Write(context, LogTypes.SuccessLogin, "Successful login", user, clientId: request.ClientId, clientName: clientName, executionId: flow?.ExecutionId);
        return Results.SignIn(new System.Security.Claims.ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // The login waits: for the site an Action redirected to (metadata saved first, as Auth0 does), or for a factor.
    private static async Task<IResult> ParkAsync(HttpContext context, OpenIddictRequest request, FlowExecutionResult flow, MfaPrompt? prompt, bool mfaDone,
        TenantUser user, string clientId, PostLoginFlow postLogin, SuspendedLogins suspended)
    {
        if (prompt is not null)
        {
            var waiting = flow.Status == FlowStatus.Suspended
                ? new SuspendedLogin(user.Id, clientId, AuthorizeUrl(context, null), flow.Suspension, Mfa: prompt, MfaDone: mfaDone, RequestHash: Fingerprint(request))
                : new SuspendedLogin(user.Id, clientId, AuthorizeUrl(context, null), null, flow, prompt, mfaDone, RequestHash: Fingerprint(request));
            return Results.Redirect(prompt.PageUrl(await suspended.AddAsync(waiting, context.RequestAborted)));
        }
        await postLogin.FlushMetadataAsync(flow, user);
        var parked = await suspended.AddAsync(new SuspendedLogin(user.Id, clientId, AuthorizeUrl(context, null), flow.Suspension, MfaDone: mfaDone, RequestHash: Fingerprint(request)), context.RequestAborted);
        return Results.Redirect(ContinueEndpoint.WithState(PostLoginFlow.RedirectOf(flow)!, parked));
    }

    /// <summary>The query parameter /continue adds when it sends the browser back here.</summary>
    public const string ContinueMarker = "flowgate_continue";

    /// <summary>The query parameter the consent page adds when the user declines.</summary>
    public const string ConsentMarker = "flowgate_consent";

    // prompt=login is satisfied by a login on the hosted page that just happened (marker plus a fresh session),
    // so the redirect back from the login page does not loop.
    private static bool JustLoggedIn(HttpContext context, AuthenticateResult session) =>
        context.Request.Query.ContainsKey("flowgate_login")
        && session.Properties?.IssuedUtc > DateTimeOffset.UtcNow.AddMinutes(-2);

    private static string ReturnUrl(HttpContext context, OpenIddictRequest request) =>
        AuthorizeUrl(context, KeyValuePair.Create("flowgate_login", "1"));

    /// <summary>This authorization request again as a local URL (a form post becomes a query), with an optional marker.</summary>
    private static string AuthorizeUrl(HttpContext context, KeyValuePair<string, string>? marker)
    {
        var parameters = (context.Request.HasFormContentType
                ? context.Request.Form.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()))
                : context.Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())))
            .Where(p => p.Key is not "flowgate_login" and not ContinueMarker and not ConsentMarker);
        if (marker is { } added)
            parameters = parameters.Append(added);
        return context.Request.PathBase + context.Request.Path + QueryString.Create(parameters!);
    }

    private static string Fingerprint(OpenIddictRequest request) =>
        AuthorizationRequestFingerprint.Of(name => request.GetParameter(name)?.ToString());

    private static string? Parameter(HttpContext context, string name) =>
        context.Request.HasFormContentType ? context.Request.Form[name].ToString() : context.Request.Query[name].ToString();
}
