using System.Security.Claims;
using Flowgate.Dashboard.Endpoints;
using Flowgate.Dashboard.Login.Mfa;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Flowgate.Runtime.Mfa;
using Flowgate.Shared.Flows;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace Flowgate.Dashboard.Login;

/// <summary>What <c>/authorize</c> must do: the step, and where the browser goes (a parked step) or the principal to issue.</summary>
internal sealed record AuthorizeOutcome(LoginStep Step, string? Location = null, ClaimsPrincipal? Principal = null);

/// <summary>
/// The login behind <c>/authorize</c>, driven through <see cref="LoginTransaction"/>: reads the session, the consent, the
/// parked transaction and the flow into facts, runs each transition, parks the login when it waits, and builds the
/// principal when it completes. The endpoint only reads the request and turns the outcome into HTTP.
/// </summary>
internal sealed class AuthorizeLogin(
    UserManager<TenantUser> users, LoginClaims claims, ApplicationService applications, PostLoginFlow postLogin, ParkedLogins parkedLogins,
    MfaEnrollments enrollments, LoginMfa mfa, LoginEvents events, Consents consents, TimeProvider clock,
    Connections.ConnectionEvent connections, Connections.PrimaryUserSwitch primaryUser)
{
    public async Task<AuthorizeOutcome> RunAsync(HttpContext context, OpenIddictRequest request, AuthorizeFacts facts, string? audience)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        var step = LoginTransaction.Authenticate(facts,
            user is null ? null : new SessionFacts(user.Id, user.Blocked, session.Properties?.IssuedUtc ?? DateTimeOffset.MinValue), clock.GetUtcNow());
        if (step is not LoginStep.Proceed || user is null)
            return new(step);

        step = LoginTransaction.Consent(await consents.SatisfiedAsync(user.Id, request.ClientId!, request.GetScopes(), context.RequestAborted),
            AuthorizeRequest.Parameter(context, AuthorizeRequest.ConsentMarker) == "denied", facts.PromptNone);
        if (step is not LoginStep.Proceed)
            return new(step);

        // Read once per request: the claims and the post-login event both need the roles, the event and the logs the application.
        IReadOnlyList<string> roles = [.. await users.GetRolesAsync(user)];
        LoginApplication? application = null;
        var identity = await claims.CreateAsync(user, roles, request.GetScopes(), audience);
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
                return new(step);
            (flow, mfaDone) = (parked.Result, parked.MfaDone);
        }
        else
        {
            var client = application = await applications.FindForLoginAsync(request.ClientId!, context.RequestAborted);
            flow = await postLogin.ExecuteAsync(async () => PostLoginEvent.Build(context, request, user, roles, client.Name, audience,
                await enrollments.ConfirmedTypesAsync(user.Id, context.RequestAborted), methods, clientMetadata: client.Metadata,
                session: LoginSessionClaims.ToEvent(session.Principal!, context, user.Id, request.ClientId,
                    session.Properties?.IssuedUtc ?? clock.GetUtcNow(), clock.GetUtcNow()), connection: connections.Of(session.Principal!)), context.RequestAborted);
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
                return new(step, await ParkAsync(context, step, flow, decision.Prompt, mfaDone, user, request.ClientId!, facts.Fingerprint));
            if (step is not LoginStep.Issue)
                return new(step);
            // api.authentication.setPrimaryUser: the tokens are the primary user's (see PrimaryUserSwitch).
            (var issuedFor, refusal) = await primaryUser.ApplyAsync(context, flow, user, session.Principal!);
            if (issuedFor != user)
                (user, identity) = (issuedFor, await claims.CreateAsync(issuedFor, [.. await users.GetRolesAsync(issuedFor)], request.GetScopes(), audience));
            refusal ??= await postLogin.ApplyAsync(flow, user, identity);
        }

        var clientName = (application ??= await applications.FindForLoginAsync(request.ClientId!, context.RequestAborted)).Name;
        step = LoginTransaction.Issue(refusal);
        if (step is LoginStep.Deny denied)
        {
            events.Write(context, LogTypes.FailedLogin, denied.Description, user, clientId: request.ClientId, clientName: clientName, executionId: flow?.ExecutionId);
            return new(step);
        }
        // A factor passed in this login stays part of it: a refresh shows the flow `mfa` too.
        if (mfaDone)
            methods = [.. methods, new(AuthenticationMethods.Mfa,
                FactorFreshness.PassedAt(session.Principal!.FindFirst(FactorFreshness.ClaimType)?.Value) ?? clock.GetUtcNow())];
        identity.SetClaim(AuthenticationMethods.ClaimType, AuthenticationMethods.ToClaim(methods));
        // The connection of this login rides in the code and refresh tokens (no destination: never in an issued token)
        // so that a refresh shows the flow the same `event.connection`.
        identity.SetClaim(Connections.ConnectionSignIn.ConnectionClaim, session.Principal!.FindFirst(Connections.ConnectionSignIn.ConnectionClaim)?.Value);
        events.Write(context, LogTypes.SuccessLogin, "Successful login", user, clientId: request.ClientId, clientName: clientName, executionId: flow?.ExecutionId);
        return new(step, Principal: new ClaimsPrincipal(identity));
    }

    // The login waits: for a factor page, or for the site an Action redirected to (metadata saved first, as Auth0 does).
    // Returns where the browser goes.
    private async Task<string> ParkAsync(HttpContext context, LoginStep step, FlowExecutionResult flow, MfaPrompt? prompt, bool mfaDone,
        TenantUser user, string clientId, string fingerprint)
    {
        var request = new ParkedAuthorization(clientId, fingerprint, AuthorizeRequest.Url(context, null));
        if (step is LoginStep.Challenge && prompt is not null)
            return prompt.PageUrl(await parkedLogins.AddAsync(new ParkedAtFactor(user.Id, request, prompt, flow, mfaDone), context.RequestAborted));
        await postLogin.FlushMetadataAsync(flow, user);
        var parked = await parkedLogins.AddAsync(new ParkedAtRedirect(user.Id, request, flow.Suspension!, mfaDone), context.RequestAborted);
        return LoginUrls.WithState(((LoginStep.Redirect)step).Url, parked);
    }
}
