using Flowgate.Runtime.Mfa;

namespace Flowgate.Runtime.Login;

/// <summary>What the login waits for before it may finish: a factor challenged or enrolled, out of those offered.</summary>
/// <param name="AllowRememberBrowser">The Action allowed "remember this browser" (<c>multifactor.enable</c>'s option).</param>
/// <param name="Factors">The factor types the user may use (<c>otp</c>, <c>phone</c>, <c>webauthn-roaming</c>, <c>webauthn-platform</c>), the default first; the authenticator app when none are named.</param>
/// <param name="Pick">Show the factor picker first (<c>challengeWithAny</c>, <c>enrollWithAny</c>) rather than the default factor.</param>
/// <param name="Then">What comes once this prompt is passed: the enrolment a challenge of an existing factor guards.</param>
public sealed record MfaPrompt(MfaPromptKind Kind, bool AllowRememberBrowser, IReadOnlyList<string>? Factors = null, bool Pick = false, MfaPrompt? Then = null)
{
    public IReadOnlyList<string> Offered => Factors is { Count: > 0 } factors ? factors : [MfaEnrollment.Otp];

    /// <summary>The state a transaction waiting for this prompt is in.</summary>
    public LoginState State => Kind == MfaPromptKind.Enroll ? LoginState.FactorEnrolment : LoginState.FactorChallenge;

    /// <summary>Whether a factor page of this kind and type may serve this prompt.</summary>
    public bool Offers(MfaPromptKind kind, string type) => Kind == kind && Offered.Contains(type);

    /// <summary>
    /// This enrolment, guarded by a challenge of the user's existing factors (<paramref name="existing"/>, recovery code
    /// last) when they have any: a new factor is added only by someone who passed an old one, as Auth0's enrollWith does.
    /// </summary>
    public MfaPrompt GuardedBy(IReadOnlyList<string> existing) => Kind != MfaPromptKind.Enroll || existing.Count == 0
        ? this
        : new MfaPrompt(MfaPromptKind.Challenge, AllowRememberBrowser, [.. existing.OrderBy(t => t == MfaEnrollment.RecoveryCode)], Pick: false, Then: this);

    /// <summary>The hosted page that handles this prompt for the parked login <paramref name="state"/>.</summary>
    public string PageUrl(string state) =>
        Pick && Offered.Count > 1 ? FactorPages.PickerUrl(state) : FactorPages.Url(Kind, Offered[0], state);
}
