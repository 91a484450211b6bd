using System.Text.Json.Nodes;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Identity;
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
    MfaEnrollments enrollments, FlowExecutor executor, RememberedBrowser remembered, SuspendedLogins suspended,
    PostLoginFlow postLogin, UserManager<TenantUser> users, TimeProvider clock)
{
    // Auth0's providers that mean "a factor of the tenant's": the authenticator app, or a WebAuthn credential the user has. Duo is not offered.
    private static readonly string[] OtpProviders = ["any", "google-authenticator", "guardian"];

    /// <summary>The factors an Action can enrol (and challenge by themselves) here.</summary>
    private static readonly string[] Enrollable = [MfaEnrollment.Otp, MfaEnrollment.WebAuthnRoaming, MfaEnrollment.WebAuthnPlatform];

    // multifactor.enable's factor: the authenticator app if there is one (the new users' default), else the first WebAuthn credential.
    private static MfaEnrollment? DefaultFactor(IEnumerable<MfaEnrollment> factors) =>
        factors.Where(f => f.Confirmed && Enrollable.Contains(f.Type)).OrderBy(f => f.Type != MfaEnrollment.Otp).ThenBy(f => f.CreatedAt).FirstOrDefault();

    /// <summary>Decides the step the flow's result calls for; a challenge already passed in this login is not asked again.</summary>
    public async Task<MfaDecision> DecideAsync(HttpContext context, FlowExecutionResult flow, TenantUser user, bool done)
    {
        var factors = await enrollments.ListAsync(user.Id, context.RequestAborted);
        var usable = factors.Where(f => f.Confirmed).Select(f => f.Type).ToHashSet();
        while (flow is { Status: FlowStatus.Suspended, Outcome.Factors: { } requirement, Suspension: { } suspension })
        {
            if (done)
            {
                // "Factors already satisfied are ignored": go on with the next Action.
                flow = await executor.ResumeAfterChallengeAsync(suspension, EventChanges(context, suspension, null), context.RequestAborted);
                continue;
            }
            var selection = FactorSelection.Read(requirement);
            if (selection.Enroll)
            {
                // A factor the user already has is challenged, not enrolled again: a second one would be a way around it.
                var type = selection.Types.FirstOrDefault(Enrollable.Contains);
                return type is null
                    ? new MfaDecision(flow, Denial: $"The login flow asked to enrol a factor that is not available ({string.Join(", ", selection.Types)}); {string.Join(", ", Enrollable)} are.")
                    : new MfaDecision(flow, new MfaPrompt(usable.Contains(type) ? MfaPromptKind.Challenge : MfaPromptKind.Enroll, false, type));
            }
            // The first usable factor in the Action's order is the default; the recovery code is offered on the authenticator-app page.
            if (selection.Types.Where(Enrollable.Contains).FirstOrDefault(usable.Contains) is { } challenged)
                return new MfaDecision(flow, new MfaPrompt(MfaPromptKind.Challenge, false, challenged));
            if (selection.Types.Any(usable.Contains))
                return new MfaDecision(flow, new MfaPrompt(MfaPromptKind.Challenge, false));
            // Not-enrolled factors are ignored; with none left the login fails, unless multifactor.enable also allows enrolling one.
            if (!usable.Contains(MfaEnrollment.Otp) && OtpProviders.Contains(flow.Outcome.MultifactorProvider) && selection.Types.Contains(MfaEnrollment.Otp))
                return new MfaDecision(flow, new MfaPrompt(MfaPromptKind.Enroll, false));
            return new MfaDecision(flow, Denial: $"Multi-factor authentication is required, but the user has none of the factors the login flow accepts ({string.Join(", ", selection.Types)}).");
        }
        if (done || flow.Status != FlowStatus.Completed || flow.Outcome.MultifactorProvider is not { } provider || provider == "none")
            return new MfaDecision(flow);
        if (!OtpProviders.Contains(provider))
            return new MfaDecision(flow, Denial: $"The multi-factor provider '{provider}' is not available.");
        var allow = flow.Outcome.AllowRememberBrowser;
        var factor = DefaultFactor(factors);
        if (factor is not null && allow && remembered.IsRemembered(context, user.Id, factor.Id))
            return new MfaDecision(flow);
        return new MfaDecision(flow, new MfaPrompt(factor is null ? MfaPromptKind.Enroll : MfaPromptKind.Challenge, allow, factor?.Type ?? MfaEnrollment.Otp));
    }

    /// <summary>The parked login waiting for a factor, if it is this session user's.</summary>
    public async Task<(SuspendedLogin Login, TenantUser User)?> FindAsync(HttpContext context, string? state)
    {
        var login = suspended.Find(state);
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        return login?.Mfa is not null && user is not null && login.UserId == user.Id ? (login, user) : null;
    }

    /// <summary>
    /// The factor was passed: the flow goes on (a <c>challengeWith</c> suspension with the next Action, <c>mfa</c>
    /// added to <c>event.authentication.methods</c>). Returns where the browser goes next.
    /// </summary>
    public async Task<string> CompleteAsync(HttpContext context, string state, SuspendedLogin login, TenantUser user, bool rememberBrowser)
    {
        if (rememberBrowser && login.Mfa!.AllowRememberBrowser && DefaultFactor(await enrollments.ListAsync(user.Id, context.RequestAborted)) is { } factor)
            remembered.Remember(context, user.Id, factor.Id);
        login = login with { Mfa = null, MfaDone = true };
        if (login.Suspension is { } suspension)
        {
            var result = await executor.ResumeAfterChallengeAsync(suspension, EventChanges(context, suspension, clock.GetUtcNow()), context.RequestAborted);
            if (PostLoginFlow.RedirectOf(result) is { } redirect)
            {
                await postLogin.FlushMetadataAsync(result, user);
                suspended.Put(state, login with { Suspension = result.Suspension });
                return Endpoints.ContinueEndpoint.WithState(redirect, state);
            }
            login = login with { Suspension = null, Finished = result };
        }
        suspended.Put(state, login);
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
