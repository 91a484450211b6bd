using Flowgate.Runtime.Mfa;

namespace Flowgate.Dashboard.Login.Mfa;

/// <summary>What the login waits for before it may finish: a factor's challenge or enrolment.</summary>
/// <param name="AllowRememberBrowser">The Action allowed "remember this browser" (<c>multifactor.enable</c>'s option).</param>
/// <param name="Factor">The factor type: <c>otp</c> (with the recovery code), <c>webauthn-roaming</c> or <c>webauthn-platform</c>.</param>
internal sealed record MfaPrompt(MfaPromptKind Kind, bool AllowRememberBrowser, string Factor = MfaEnrollment.Otp)
{
    /// <summary>The hosted page that handles this prompt for the parked login <paramref name="state"/>.</summary>
    public string PageUrl(string state) =>
        (MfaEnrollment.IsWebAuthn(Factor) ? "/u/mfa-webauthn-" : "/u/mfa-otp-") + (Kind == MfaPromptKind.Enroll ? "enrollment" : "challenge")
        + "?state=" + Uri.EscapeDataString(state);
}
