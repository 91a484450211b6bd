using Flowgate.Dashboard.Login.Mfa;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Flowgate.Shared.Flows;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Login;

/// <summary>What the reset page does next: offer the new-password form (with its pass), refuse, or send the browser on.</summary>
internal sealed record ResetStep(string? Pass = null, string? Refusal = null, string? Redirect = null);

/// <summary>
/// The further steps password-reset-post-challenge may ask for (reference §1.8): a factor challenge
/// (<c>challengeWith</c>, <c>challengeWithAny</c>) or a redirect (<c>redirect.sendUserTo</c>). The reset is parked
/// like a login (<see cref="ParkedLogins"/>, bound to this browser by <see cref="ResetBrowser"/>), the login's
/// factor pages and <c>/continue</c> serve it, and it comes back to the new-password page with its state.
/// </summary>
internal sealed class ResetChallenge(LoginMfa mfa, ParkedLogins parked, UserManager<TenantUser> users)
{
    private const string Page = "/u/reset-password/confirm";

    /// <summary>The new-password page for the parked reset <paramref name="state"/>.</summary>
    public static string ResumeUrl(string state) => Page + "?state=" + Uri.EscapeDataString(state);

    /// <summary>The parked reset whose flow has moved on (not waiting for a factor or a site), if this browser parked it and the link still holds.</summary>
    public async Task<(ParkedResetFinished Reset, TenantUser User)?> FindAsync(HttpContext context, string? state) =>
        await parked.FindAsync<ParkedResetFinished>(state, context.RequestAborted) is { } reset
        && await ResetBrowser.ProvenUserAsync(context, users, reset.Reset, reset.UserId) is { } user
            ? (reset, user)
            : null;

    /// <summary>The password is changed: the state is not used again.</summary>
    public Task ForgetAsync(string state, CancellationToken cancellationToken) => parked.ForgetAsync(state, cancellationToken);

    /// <summary>
    /// Parks the reset when the flow waits for a factor or for the site an Action redirected to, and says where the
    /// browser goes; refuses when no factor the flow asks for is usable. Otherwise the flow is over (a factor already
    /// passed in this reset satisfies later requests) and its result comes back for the caller to apply.
    /// </summary>
    /// <param name="state">The reset's state when it was parked before.</param>
    public async Task<(FlowExecutionResult Flow, ResetStep? Step)> NextAsync(
        HttpContext context, FlowExecutionResult flow, TenantUser user, string ticket, string? state, bool mfaDone)
    {
        var requirement = flow.Outcome.Factors;
        var decision = await mfa.DecideAsync(context, flow, user, mfaDone);
        flow = decision.Flow;
        if (decision.Denial is { } denial)
            return (flow, new ResetStep(Refusal: requirement is null ? denial
                : $"Resetting this password needs a second factor ({string.Join(", ", FactorSelection.Read(requirement).Types)}), but none is set up for this account. Contact the administrator."));
        if (decision.Prompt is { } prompt)
            return (flow, new ResetStep(Redirect: prompt.PageUrl(await ParkAsync(context, state, user, ticket, flow, prompt, mfaDone))));
        if (ParkedLogin.RedirectOf(flow) is { } url)
            return (flow, new ResetStep(Redirect: LoginUrls.WithState(url, await ParkAsync(context, state, user, ticket, flow, null, mfaDone))));
        return flow.Status == FlowStatus.Suspended
            ? (flow, new ResetStep(Refusal: "This password reset needs a custom prompt (prompt.render), which is not available yet."))
            : (flow, null);
    }

    private async Task<string> ParkAsync(HttpContext context, string? state, TenantUser user, string ticket, FlowExecutionResult flow, MfaPrompt? prompt, bool mfaDone)
    {
        var reset = ResetBrowser.Bind(context, ticket);
        ParkedLogin waiting = prompt is null ? new ParkedAtRedirect(user.Id, reset, flow.Suspension!, mfaDone) : new ParkedAtFactor(user.Id, reset, prompt, flow, mfaDone);
        if (state is null)
            return await parked.AddAsync(waiting, context.RequestAborted);
        await parked.PutAsync(state, waiting, context.RequestAborted);
        return state;
    }
}
