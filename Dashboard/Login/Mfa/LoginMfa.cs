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
/// Multi-factor authentication at login, the HTTP side: loads what <see cref="FactorTransition"/> decides on
/// (reference §1.2), parks the login in <see cref="ParkedLogins"/> while the hosted pages enrol or challenge,
/// then resumes the flow.
/// </summary>
internal sealed class LoginMfa(
    MfaEnrollments enrollments, MfaSettings settings, RememberedBrowser remembered, ParkedLogins parked,
    PostLoginFlow postLogin, TriggerRunner triggers, UserManager<TenantUser> users, LoginEvents events, FactorSession factorSession, TimeProvider clock)
{
    /// <summary>
    /// Decides the step the flow's result calls for (<see cref="FactorTransition"/>), loading the user's factors, the
    /// tenant's and the remembered browser only when it may ask for one; a satisfied challenge resumes the flow.
    /// </summary>
    public async Task<MfaDecision> DecideAsync(HttpContext context, FlowExecutionResult flow, TenantUser user, bool done)
    {
        // Most logins ask for no factor: they cost no query here.
        if (!FactorTransition.MayAsk(flow is { Status: FlowStatus.Suspended, Outcome.Factors: not null }, flow.Status == FlowStatus.Completed,
                flow.Outcome.MultifactorProvider, done))
            return new MfaDecision(flow);
        var held = (await enrollments.ListAsync(user.Id, context.RequestAborted)).Where(f => f.Confirmed)
            .Select(f => new HeldFactor(f.Type, remembered.IsRemembered(context, user.Id, f.Id))).ToList();
        var enabled = await settings.EnabledAsync(context.RequestAborted);
        while (true)
        {
            var suspension = flow is { Status: FlowStatus.Suspended, Outcome.Factors: not null } ? flow.Suspension : null;
            var facts = new FactorFacts(suspension is null ? null : flow.Outcome.Factors, flow.Status == FlowStatus.Completed,
                flow.Outcome.MultifactorProvider, flow.Outcome.AllowRememberBrowser, held, enabled, done);
            switch (FactorTransition.Decide(facts))
            {
                case FactorStep.Satisfied:
                    flow = await triggers.ResumeAfterChallengeAsync(suspension!, EventChanges(context, suspension!, null), context.RequestAborted);
                    continue;
                case FactorStep.Ask ask:
                    return new MfaDecision(flow, ask.Prompt);
                case FactorStep.Deny deny:
                    return new MfaDecision(flow, Denial: deny.Reason);
                default:
                    return new MfaDecision(flow);
            }
        }
    }

    /// <summary>
    /// The parked transaction waiting for a factor, if it is this session user's (a login, a step-up); or the parked
    /// password reset, if this browser opened its still-valid link (the user is not signed in then).
    /// </summary>
    public async Task<(IParkedAtFactor Login, TenantUser User)?> FindAsync(HttpContext context, string? state)
    {
        // Only a transaction waiting for a factor: one that is past it (or never needed one) is not served here.
        var login = await parked.FindAsync<IParkedAtFactor>(state, context.RequestAborted);
        if (login is null)
            return null;
        if (login is ParkedAtFactor { For: ParkedReset reset })
            return await ResetBrowser.ProvenUserAsync(context, users, reset, login.UserId) is { } resetting ? (login, resetting) : null;
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
        return prompt.PageUrl(await parked.AddAsync(new ParkedStepUp(user.Id, returnUrl, prompt), context.RequestAborted));
    }

    /// <summary>A factor step a hosted page refused: the tenant log says which step and why.</summary>
    public void Refused(HttpContext context, IParkedAtFactor login, TenantUser user, string step, string reason) =>
        events.Write(context, LogTypes.MfaFailed, $"{step}: {reason}", user, clientId: login.ClientId);

    /// <summary>
    /// The factor (<paramref name="factor"/>, just <paramref name="enrolled"/> or challenged) was passed, which the
    /// tenant log records; the flow goes on (a <c>challengeWith</c> suspension with the next Action, <c>mfa</c> added
    /// to <c>event.authentication.methods</c>). Returns where the browser goes next.
    /// </summary>
    public async Task<string> CompleteAsync(HttpContext context, string state, IParkedAtFactor login, TenantUser user, bool rememberBrowser,
        string factor, bool enrolled)
    {
        events.Write(context, enrolled ? LogTypes.MfaEnrolled : LogTypes.MfaPassed, factor, user, clientId: login.ClientId);
        // Only now does the session count as having passed a factor (a password reset has no session to mark).
        if (login is not ParkedAtFactor { For: ParkedReset })
            await factorSession.MarkPassedAsync(context, user);
        if (login.Prompt.Then is { } next)
        {
            // The existing factor is proven: now the enrolment it guarded.
            await parked.PutAsync(state, login.Guarding(next), context.RequestAborted);
            return next.PageUrl(state);
        }
        if (login is ParkedStepUp stepUp)
        {
            await parked.ForgetAsync(state, context.RequestAborted);
            return stepUp.ReturnUrl;
        }
        var waiting = (ParkedAtFactor)login;
        if (rememberBrowser && waiting.Prompt.AllowRememberBrowser
            && (await enrollments.ListAsync(user.Id, context.RequestAborted)).FirstOrDefault(f => f.Confirmed && f.Type != MfaEnrollment.RecoveryCode) is { } rememberedFactor)
            remembered.Remember(context, user.Id, rememberedFactor.Id);
        var resumed = waiting.Resumable is { } suspension
            ? await triggers.ResumeAfterChallengeAsync(suspension, EventChanges(context, suspension, clock.GetUtcNow()), context.RequestAborted)
            : null;
        var redirect = resumed is null ? null : ParkedLogin.RedirectOf(resumed);
        if (redirect is not null)
            await postLogin.FlushMetadataAsync(resumed!, user);
        await parked.PutAsync(state, waiting.Passed(resumed), context.RequestAborted);
        return redirect is not null ? LoginUrls.WithState(redirect, state) : LoginUrls.ResumeUrl(waiting.For, state);
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
