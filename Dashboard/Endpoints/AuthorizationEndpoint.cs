using System.Security.Claims;
using Flowgate.Dashboard.Login;
using Flowgate.Dashboard.Login.Mfa;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Flowgate.Runtime.Mfa;
using Flowgate.Shared.Flows;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Endpoints;

/// <summary>
/// <c>/authorize</c>: OpenIddict has validated the client, redirect URI, response type and PKCE. The login itself is
/// <see cref="LoginTransaction"/>'s: this endpoint reads the request, the session and the flow into plain facts, runs
/// its transitions, and turns each <see cref="LoginStep"/> into a redirect, a parked transaction, a code or an error.
/// </summary>
internal static class AuthorizationEndpoint
{
    public static IEndpointRouteBuilder MapAuthorizationEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, UserManager<TenantUser> users, LoginClaims claims, AuthorizeAudience audiences, ApplicationService applications,
        PostLoginFlow postLogin, ParkedLogins parkedLogins, MfaEnrollments enrollments, LoginMfa mfa, LoginEvents events, Consents consents, TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var facts = AuthorizeRequest.Facts(context, request);
        var (audience, audienceRefusal) = await audiences.ReadAsync(request, context.RequestAborted);
        if (audienceRefusal is not null)
            return OidcErrors.Forbid(Errors.AccessDenied, audienceRefusal);

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        var step = LoginTransaction.Authenticate(facts,
            user is null ? null : new SessionFacts(user.Id, user.Blocked, session.Properties?.IssuedUtc ?? DateTimeOffset.MinValue), clock.GetUtcNow());
        if (step is not LoginStep.Proceed || user is null)
            return Translate(context, step);

        step = LoginTransaction.Consent(await consents.SatisfiedAsync(user.Id, request.ClientId!, request.GetScopes(), context.RequestAborted),
            AuthorizeRequest.Parameter(context, AuthorizeRequest.ConsentMarker) == "denied", facts.PromptNone);
        if (step is not LoginStep.Proceed)
            return Translate(context, step);

        var identity = await claims.CreateAsync(user, request.GetScopes(), audience);
        var methods = EndUserSignIn.MethodsOf(session.Principal!, session.Properties?.IssuedUtc ?? clock.GetUtcNow());
        FlowExecutionResult? flow;
        var mfaDone = false;
        if (facts.ResumeState is { } state)
        {
            // Back from /continue or a factor page: the flow has finished there; its result is applied once.
            // Only a finished login is taken: a state at a factor, at a redirect, a reset's or a step-up's is refused and stays.
            var parked = await parkedLogins.TakeAsync<ParkedLoginFinished>(state, context.RequestAborted);
            step = LoginTransaction.Resume(parked?.Facts, user.Id, facts);
            if (step is not LoginStep.Proceed || parked is null)
                return Translate(context, step);
            (flow, mfaDone) = (parked.Result, parked.MfaDone);
        }
        else
        {
            var eventJson = PostLoginEvent.Build(context, request, user, [.. await users.GetRolesAsync(user)],
                await applications.FindNameAsync(request.ClientId!, context.RequestAborted), audience,
                await enrollments.ConfirmedTypesAsync(user.Id, context.RequestAborted), methods,
                clientMetadata: await applications.FindMetadataAsync(request.ClientId!, context.RequestAborted),
                session: LoginSessionClaims.ToEvent(session.Principal!, context, user.Id, request.ClientId,
                    session.Properties?.IssuedUtc ?? clock.GetUtcNow(), clock.GetUtcNow()));
            flow = await postLogin.ExecuteAsync(eventJson, context.RequestAborted);
        }

        string? refusal = null;
        if (flow is not null)
        {
            var decision = await mfa.DecideAsync(context, flow, user, mfaDone);
            flow = decision.Flow;
            step = LoginTransaction.AfterFlow(new FlowFacts(decision.Denial,
                decision.Prompt is { } prompt ? prompt.Kind == MfaPromptKind.Enroll : null, ParkedLogin.RedirectOf(flow)), facts.PromptNone);
            if (decision.Denial is not null)
                await postLogin.FlushMetadataAsync(flow, user);
            if (step is LoginStep.Challenge or LoginStep.Redirect)
                return await ParkAsync(context, step, flow, decision.Prompt, mfaDone, user, request.ClientId!, facts.Fingerprint, postLogin, parkedLogins);
            if (step is not LoginStep.Issue)
                return Translate(context, step);
            refusal = await postLogin.ApplyAsync(flow, user, identity);
        }

        var clientName = await applications.FindNameAsync(request.ClientId!, context.RequestAborted);
        if (LoginTransaction.Issue(refusal) is LoginStep.Deny denied)
        {
            events.Write(context, LogTypes.FailedLogin, denied.Description, user, clientId: request.ClientId, clientName: clientName, executionId: flow?.ExecutionId);
            return Translate(context, denied);
        }
        // A factor passed in this login stays part of it: a refresh shows the flow `mfa` too.
        if (mfaDone)
            methods = [.. methods, new(AuthenticationMethods.Mfa,
                FactorFreshness.PassedAt(session.Principal!.FindFirst(FactorFreshness.ClaimType)?.Value) ?? clock.GetUtcNow())];
        identity.SetClaim(AuthenticationMethods.ClaimType, AuthenticationMethods.ToClaim(methods));
        events.Write(context, LogTypes.SuccessLogin, "Successful login", user, clientId: request.ClientId, clientName: clientName, executionId: flow?.ExecutionId);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // The login waits: for a factor page, or for the site an Action redirected to (metadata saved first, as Auth0 does).
    private static async Task<IResult> ParkAsync(HttpContext context, LoginStep step, FlowExecutionResult flow, MfaPrompt? prompt, bool mfaDone,
        TenantUser user, string clientId, string fingerprint, PostLoginFlow postLogin, ParkedLogins parkedLogins)
    {
        var request = new ParkedAuthorization(clientId, fingerprint, AuthorizeRequest.Url(context, null));
        if (step is LoginStep.Challenge && prompt is not null)
            return Results.Redirect(prompt.PageUrl(await parkedLogins.AddAsync(new ParkedAtFactor(user.Id, request, prompt, flow, mfaDone), context.RequestAborted)));
        await postLogin.FlushMetadataAsync(flow, user);
        var parked = await parkedLogins.AddAsync(new ParkedAtRedirect(user.Id, request, flow.Suspension!, mfaDone), context.RequestAborted);
        return Results.Redirect(LoginUrls.WithState(((LoginStep.Redirect)step).Url, parked));
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
