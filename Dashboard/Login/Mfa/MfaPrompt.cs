namespace Flowgate.Dashboard.Login.Mfa;

/// <summary>What the login waits for before it may finish: an authenticator-app challenge or enrolment.</summary>
/// <param name="AllowRememberBrowser">The Action allowed "remember this browser" (<c>multifactor.enable</c>'s option).</param>
internal sealed record MfaPrompt(MfaPromptKind Kind, bool AllowRememberBrowser)
{
    /// <summary>The hosted page that handles this prompt for the parked login <paramref name="state"/>.</summary>
    public string PageUrl(string state) =>
        (Kind == MfaPromptKind.Enroll ? "/u/mfa-otp-enrollment" : "/u/mfa-otp-challenge") + "?state=" + Uri.EscapeDataString(state);
}
