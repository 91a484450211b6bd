using System.Text.Json.Nodes;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Flowgate.Runtime.Mfa;
using Flowgate.Shared.Flows;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Login.Mfa;

/// <summary>
/// Multi-factor authentication at login, as the post-login Actions asked for it (reference §1.2):
/// <c>challengeWith*</c>/<c>enrollWith*</c> stop the flow after their Action, <c>multifactor.enable</c>
/// applies once the whole flow has run. The login waits in <see cref="SuspendedLogins"/> while the
/// hosted pages enrol or challenge, then resumes.
/// </summary>
internal sealed class LoginMfa(
    MfaEnrollments enrollments, MfaSettings settings, RememberedBrowser remembered, SuspendedLogins suspended,
    PostLoginFlow postLogin, TriggerRunner triggers, UserManager<TenantUser> users, LoginEvents events, FactorSession factorSession, TimeProvider clock)
{
    // Auth0's providers that mean "a factor of the tenant's"; google-authenticator means the authenticator app. Duo is not offered.
    private static readonly string[] OtpProviders = ["any", "google-authenticator", "guardian"];

    /// <summary>Decides the step the flow's result calls for; a challenge already passed in this login is not asked again.</summary>
    public async Task<MfaDecision> DecideAsync(HttpContext context, FlowExecutionResult flow, TenantUser user, bool done)
    {
        // Most logins ask for no factor: they cost no query here.
        if (flow is not { Status: FlowStatus.Suspended, Outcome.Factors: not null }
            && (done || flow.Status != FlowStatus.Completed || flow.Outcome.MultifactorProvider is null or "none"))
            return new MfaDecision(flow);
        var factors = await enrollments.ListAsync(user.Id, context.RequestAborted);
        var enabled = await settings.EnabledAsync(context.RequestAborted);
        // What the user can be challenged with: enrolled, enabled for the tenant, with a page to do it on.
        var usable = factors.Where(f => f.Confirmed && enabled.Contains(f.Type) && FactorPages.Has(MfaPromptKind.Challenge, f.Type))
            .Select(f => f.Type).Distinct().ToList();
        // What the user can prove they hold, enabled or not: a new factor is enrolled only after passing one of these.
        var provable = factors.Where(f => f.Confirmed && FactorPages.Has(MfaPromptKind.Challenge, f.Type)).Select(f => f.Type).Distinct().ToList();
        while (flow is { Status: FlowStatus.Suspended, Outcome.Factors: { } requirement, Suspension: { } suspension })
        {
            if (done)
            {
                // "Factors already satisfied are ignored": go on with the next Action.
                flow = await triggers.ResumeAfterChallengeAsync(suspension, EventChanges(context, suspension, null), context.RequestAborted);
                continue;
            }
            var selection = FactorSelection.Read(requirement);
            if (selection.Enroll)
                return Enrol(flow, selection, enabled, usable, provable);
            var challenge = selection.Types.Where(usable.Contains).ToList();
            if (challenge.Count > 0)
                return new MfaDecision(flow, new MfaPrompt(MfaPromptKind.Challenge, false, challenge, selection.Any));
            // Disabled and not-enrolled factors are ignored; with none left the login fails, unless multifactor.enable also allows enrolling one.
            if (!usable.Contains(MfaEnrollment.Otp) && OtpProviders.Contains(flow.Outcome.MultifactorProvider)
                && selection.Types.Contains(MfaEnrollment.Otp) && enabled.Contains(MfaEnrollment.Otp))
                return new MfaDecision(flow, new MfaPrompt(MfaPromptKind.Enroll, false, [MfaEnrollment.Otp]).GuardedBy(provable));
            return new MfaDecision(flow, Denial: $"Multi-factor authentication is required, but the user has none of the factors the login flow accepts ({string.Join(", ", selection.Types)}).");
        }
        if (done || flow.Status != FlowStatus.Completed || flow.Outcome.MultifactorProvider is not { } provider || provider == "none")
            return new MfaDecision(flow);
        if (!OtpProviders.Contains(provider))
            return new MfaDecision(flow, Denial: $"The multi-factor provider '{provider}' is not available.");
        bool Allowed(string type) => provider != "google-authenticator" || type == MfaEnrollment.Otp;
        var allow = flow.Outcome.AllowRememberBrowser;
        var challengeable = usable.Where(t => t != MfaEnrollment.RecoveryCode && Allowed(t)).ToList();
        if (challengeable.Count > 0)
            return allow && factors.Any(f => f.Confirmed && challengeable.Contains(f.Type) && remembered.IsRemembered(context, user.Id, f.Id))
                ? new MfaDecision(flow)
                : new MfaDecision(flow, new MfaPrompt(MfaPromptKind.Challenge, allow, challengeable));
        var enrollable = enabled.Where(t => FactorPages.Has(MfaPromptKind.Enroll, t) && Allowed(t)).ToList();
        return enrollable.Count > 0
            ? new MfaDecision(flow, new MfaPrompt(MfaPromptKind.Enroll, allow, enrollable).GuardedBy(provable))
            : new MfaDecision(flow, Denial: "Multi-factor authentication is required, but no factor the user could enrol is enabled for this tenant.");
    }

    // enrollWith / enrollWithAny: the enabled factors with an enrolment page; a user who has them all is challenged instead.
    private static MfaDecision Enrol(FlowExecutionResult flow, FactorSelection selection, IReadOnlyList<string> enabled, IReadOnlyList<string> usable, IReadOnlyList<string> provable)
    {
        var offered = selection.Types.Where(t => enabled.Contains(t) && FactorPages.Has(MfaPromptKind.Enroll, t)).ToList();
        if (offered.Count == 0)
        {
            var disabled = selection.Types.Where(t => MfaFactorType.All.Any(f => f.Type == t) && !enabled.Contains(t)).ToList();
            return new MfaDecision(flow, Denial: disabled.Count > 0
                ? $"The login flow asked to enrol a factor that is not enabled for this tenant ({string.Join(", ", disabled)}). An administrator can enable it under Settings, Multi-factor Auth."
                : $"The login flow asked to enrol a factor that is not available ({string.Join(", ", selection.Types)}); only {string.Join(", ", enabled.Where(t => FactorPages.Has(MfaPromptKind.Enroll, t)))} can be enrolled.");
        }
        var missing = offered.Where(t => !usable.Contains(t)).ToList();
        return missing.Count == 0
            ? new MfaDecision(flow, new MfaPrompt(MfaPromptKind.Challenge, false, offered, selection.Any))
            : new MfaDecision(flow, new MfaPrompt(MfaPromptKind.Enroll, false, missing, selection.Any).GuardedBy(provable));
    }

    /// <summary>
    /// The parked login waiting for a factor, if it is this session user's; or the parked password reset, if this
    /// browser opened its still-valid link (the user is not signed in then).
    /// </summary>
    public async Task<(SuspendedLogin Login, TenantUser User)?> FindAsync(HttpContext context, string? state)
    {
        var login = await suspended.FindAsync(state, context.RequestAborted);
        // Only a transaction waiting for a factor: one that is past it (or never needed one) is not served here.
        if (login is not { State: LoginState.FactorChallenge or LoginState.FactorEnrolment, Mfa: not null })
            return null;
        if (login is { Reset: { } reset })
            return await reset.ProvenUserAsync(context, users, login.UserId) is { } resetting ? (login, resetting) : null;
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        return user is not null && login.UserId == user.Id ? (login, user) : null;
    }

    /// <summary>
    /// Parks a step-up for the user's own factor page (<paramref name="returnUrl"/>): a challenge of the factors they
    /// hold, after which the session may change factors for a few minutes. Returns the challenge page.
    /// </summary>
    public async Task<string> StepUpAsync(HttpContext context, TenantUser user, IReadOnlyList<MfaEnrollment> factors, string returnUrl)
    {
        var provable = factors.Where(f => f.Confirmed && FactorPages.Has(MfaPromptKind.Challenge, f.Type)).Select(f => f.Type).Distinct()
            .OrderBy(t => t == MfaEnrollment.RecoveryCode).ToList();
        var prompt = new MfaPrompt(MfaPromptKind.Challenge, false, provable);
        var state = await suspended.AddAsync(new SuspendedLogin(LoginState.FactorChallenge, user.Id, null, returnUrl, null, Mfa: prompt, StepUp: true), context.RequestAborted);
        return prompt.PageUrl(state);
    }

    /// <summary>A factor step a hosted page refused: the tenant log says which step and why.</summary>
    public void Refused(HttpContext context, SuspendedLogin login, TenantUser user, string step, string reason) =>
        events.Write(context, LogTypes.MfaFailed, $"{step}: {reason}", user, clientId: login.ClientId);

    /// <summary>
    /// The factor (<paramref name="factor"/>, just <paramref name="enrolled"/> or challenged) was passed, which the
    /// tenant log records; the flow goes on (a <c>challengeWith</c> suspension with the next Action, <c>mfa</c> added
    /// to <c>event.authentication.methods</c>). Returns where the browser goes next.
    /// </summary>
    public async Task<string> CompleteAsync(HttpContext context, string state, SuspendedLogin login, TenantUser user, bool rememberBrowser,
        string factor, bool enrolled)
    {
        events.Write(context, enrolled ? LogTypes.MfaEnrolled : LogTypes.MfaPassed, factor, user, clientId: login.ClientId);
        // Only now does the session count as having passed a factor (a password reset has no session to mark).
        if (login.Reset is null)
            await factorSession.MarkPassedAsync(context, user);
        if (login.Mfa!.Then is { } next)
        {
            // The existing factor is proven: now the enrolment it guarded.
            await suspended.PutAsync(state, login with { State = next.State, Mfa = next, MfaDone = true }, context.RequestAborted);
            return next.PageUrl(state);
        }
        if (login.StepUp)
        {
            await suspended.TakeAsync(state, context.RequestAborted);
            return login.ResumeUrl(state);
        }
        if (rememberBrowser && login.Mfa!.AllowRememberBrowser
            && (await enrollments.ListAsync(user.Id, context.RequestAborted)).FirstOrDefault(f => f.Confirmed && f.Type != MfaEnrollment.RecoveryCode) is { } rememberedFactor)
            remembered.Remember(context, user.Id, rememberedFactor.Id);
        login = login with { State = LoginState.Complete, Mfa = null, MfaDone = true };
        if (login.Suspension is { } suspension)
        {
            var result = await triggers.ResumeAfterChallengeAsync(suspension, EventChanges(context, suspension, clock.GetUtcNow()), context.RequestAborted);
            if (PostLoginFlow.RedirectOf(result) is { } redirect)
            {
                await postLogin.FlushMetadataAsync(result, user);
                await suspended.PutAsync(state, login with { State = LoginState.RedirectAndContinue, Suspension = result.Suspension }, context.RequestAborted);
                return Endpoints.ContinueEndpoint.WithState(redirect, state);
            }
            login = login with { Suspension = null, Finished = result };
        }
        await suspended.PutAsync(state, login, context.RequestAborted);
        return login.ResumeUrl(state);
    }

    // A new event.request, and the methods with mfa added when it was just passed.
    private static string EventChanges(HttpContext context, FlowSuspension suspension, DateTimeOffset? mfaAt)
    {
        var methods = JsonNode.Parse(suspension.Request.EventJson)?["authentication"]?["methods"]?.DeepClone() as JsonArray ?? [];
        if (mfaAt is { } at)
            methods.Add(new JsonObject { ["name"] = "mfa", ["timestamp"] = at.ToString("O") });
        return new JsonObject
        {
            ["request"] = EventParts.Request(context),
            ["authentication"] = new JsonObject { ["methods"] = methods },
        }.ToJsonString();
    }
}
