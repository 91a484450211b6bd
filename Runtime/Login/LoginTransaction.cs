using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Login;

/// <summary>
/// The login as a state machine: one transition per step, plain inputs in, the <see cref="LoginStep"/> the host must
/// translate to HTTP out. The security checks live here, not in the endpoints or pages that call them. ADR 0007 lists
/// the states, the transitions and which property each check guards.
/// </summary>
public static class LoginTransaction
{
    /// <summary>How long "just logged in on the hosted page" satisfies <c>prompt=login</c> and <c>max_age</c>.</summary>
    public static readonly TimeSpan JustLoggedIn = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Identify → Authenticate: is there a session this request may use? None, a blocked user, <c>prompt=login</c> or an
    /// authentication older than <c>max_age</c> send the browser to the login page (or signup for
    /// <c>screen_hint=signup</c>), unless it is back from that page for this very request; <c>prompt=none</c> cannot show
    /// a page and gets <c>login_required</c>.
    /// </summary>
    public static LoginStep Authenticate(AuthorizeFacts request, SessionFacts? session, DateTimeOffset now)
    {
        if (session is null || session.Blocked)
            return Identify(request);
        // A parked transaction of this request proves its login happened; the checks on it come with Resume.
        if (request.ResumeState is not null)
            return new LoginStep.Proceed(LoginState.PostLoginFlow);
        var justLoggedIn = request.BackFromLoginPage && now - session.AuthenticatedAt <= JustLoggedIn;
        var tooOld = request.MaxAge is { } maxAge && now - session.AuthenticatedAt > TimeSpan.FromSeconds(maxAge);
        if ((request.PromptLogin || tooOld) && !justLoggedIn)
            return Identify(request);
        return new LoginStep.Proceed(LoginState.PostLoginFlow);
    }

    private static LoginStep Identify(AuthorizeFacts request) => request.PromptNone
        ? new LoginStep.Deny("login_required", "The user is not logged in.")
        : new LoginStep.ShowPage(request.ScreenHint == "signup" ? HostedPage.Signup : HostedPage.Login, request.LoginHint);

    /// <summary>The user's consent to the application's scopes: given, declined, or to be asked (not with <c>prompt=none</c>).</summary>
    public static LoginStep Consent(bool given, bool declined, bool promptNone) =>
        given ? new LoginStep.Proceed(LoginState.PostLoginFlow)
        : declined ? new LoginStep.Deny("access_denied", "The user did not authorize the application.")
        : promptNone ? new LoginStep.Deny("consent_required", "The user has not authorized the application yet.")
        : new LoginStep.ShowPage(HostedPage.Consent);

    /// <summary>
    /// Complete (parked) → Complete: the finished flow is applied only to the same user, client and exact authorization
    /// request it ran for, and only once the transaction's every step (factors, redirects) is done.
    /// </summary>
    public static LoginStep Resume(ParkedFacts? parked, string userId, AuthorizeFacts request) =>
        parked is { State: LoginState.Complete, ClientId: not null } && parked.UserId == userId && parked.ClientId == request.ClientId
            && parked.Fingerprint == request.Fingerprint
            ? new LoginStep.Proceed(LoginState.Complete)
            : new LoginStep.Deny("access_denied", "The login could not be resumed: it expired, belongs to another session or to another request. Log in again.");

    /// <summary>
    /// PostLoginFlow → FactorChallenge / FactorEnrolment / RedirectAndContinue / Complete / Denied, from what the flow and
    /// the factor decision ask. <c>prompt=none</c> cannot show a page, so a factor or a redirect is <c>interaction_required</c>.
    /// </summary>
    public static LoginStep AfterFlow(FlowFacts flow, bool promptNone)
    {
        if (flow.Denial is { } denial)
            return new LoginStep.Deny("access_denied", denial);
        if ((flow.Factor is not null || flow.RedirectUrl is not null) && promptNone)
            return new LoginStep.Deny("interaction_required", "The login flow needs the user (a redirect or a multi-factor step), which prompt=none does not allow.");
        if (flow.Factor is { } enrol)
            return new LoginStep.Challenge(enrol);
        if (flow.RedirectUrl is { } url)
            return new LoginStep.Redirect(url);
        return new LoginStep.Issue();
    }

    /// <summary>
    /// A refresh token exchange after the post-login flow ran (null: none bound) with <c>oauth2-refresh-token</c>: nothing
    /// that needs the user can happen, so a factor is <c>mfa_required</c> (as Auth0 answers) and a redirect
    /// <c>invalid_grant</c>; the flow's deny or failure is <c>invalid_grant</c> too.
    /// </summary>
    public static LoginStep Refresh(FlowExecutionResult? flow)
    {
        if (flow is null)
            return new LoginStep.Issue();
        if (FlowVerdict.AsksFactor(flow))
            return new LoginStep.Deny("mfa_required", "Multifactor authentication required");
        if (flow.Status == FlowStatus.Suspended)
            return new LoginStep.Deny("invalid_grant", "The login flow redirects the user, which a refresh token exchange cannot do. Log in again.");
        return FlowVerdict.Refusal(flow) is { } refusal ? new LoginStep.Deny("invalid_grant", refusal) : new LoginStep.Issue();
    }

    /// <summary>Complete → issue, unless applying the flow's result (its deny, its failure) refuses the login.</summary>
    public static LoginStep Issue(string? refusal) =>
        refusal is null ? new LoginStep.Issue() : new LoginStep.Deny("access_denied", refusal);
}
