using Flowgate.Runtime.Mfa;

namespace Flowgate.Dashboard.Login.Mfa;

/// <summary>What the login waits for before it may finish: a factor challenged or enrolled, out of those offered.</summary>
/// <param name="AllowRememberBrowser">The Action allowed "remember this browser" (<c>multifactor.enable</c>'s option).</param>
/// <param name="Factors">The factor types the user may use (<c>otp</c>, <c>phone</c>, <c>webauthn-roaming</c>, <c>webauthn-platform</c>), the default first; the authenticator app when none are named.</param>
/// <param name="Pick">Show the factor picker first (<c>challengeWithAny</c>, <c>enrollWithAny</c>) rather than the default factor.</param>
internal sealed record MfaPrompt(MfaPromptKind Kind, bool AllowRememberBrowser, IReadOnlyList<string>? Factors = null, bool Pick = false)
{
    public IReadOnlyList<string> Offered => Factors is { Count: > 0 } factors ? factors : [MfaEnrollment.Otp];

    /// <summary>Whether a factor page of this kind and type may serve this prompt.</summary>
    public bool Offers(MfaPromptKind kind, string type) => Kind == kind && Offered.Contains(type);

    /// <summary>The hosted page that handles this prompt for the parked login <paramref name="state"/>.</summary>
    public string PageUrl(string state) =>
        Pick && Offered.Count > 1 ? FactorPages.PickerUrl(state) : FactorPages.Url(Kind, Offered[0], state);
}
