using Flowgate.Runtime.Mfa;

namespace Flowgate.Runtime.Login;

/// <summary>
/// The hosted page where each factor is enrolled and where it is challenged. A factor offered at login must
/// have a page here; adding a factor is one line.
/// </summary>
internal static class FactorPages
{
    /// <summary>The factor picker, for <c>challengeWithAny</c>/<c>enrollWithAny</c> and "try another method".</summary>
    public const string Picker = "/u/mfa-choose";

    private static readonly IReadOnlyList<FactorPage> Pages =
    [
        new(MfaEnrollment.Otp, Enroll: "/u/mfa-otp-enrollment", Challenge: "/u/mfa-otp-challenge"),
        new(MfaEnrollment.Phone, Enroll: "/u/mfa-phone-enrollment", Challenge: "/u/mfa-phone-challenge"),
        new(MfaEnrollment.WebAuthnRoaming, Enroll: "/u/mfa-webauthn-enrollment?type=webauthn-roaming", Challenge: "/u/mfa-webauthn-challenge?type=webauthn-roaming"),
        new(MfaEnrollment.WebAuthnPlatform, Enroll: "/u/mfa-webauthn-enrollment?type=webauthn-platform", Challenge: "/u/mfa-webauthn-challenge?type=webauthn-platform"),
        // Issued with the first factor, never enrolled on its own.
        new(MfaEnrollment.RecoveryCode, Enroll: null, Challenge: "/u/mfa-otp-challenge?method=recovery-code"),
    ];

    /// <summary>Whether the factor can be enrolled (or challenged) at login.</summary>
    public static bool Has(MfaPromptKind kind, string type) => PageOf(kind, type) is not null;

    /// <summary>The factor's page for the parked login <paramref name="state"/>.</summary>
    public static string Url(MfaPromptKind kind, string type, string state) =>
        WithState(PageOf(kind, type) ?? throw new ArgumentException($"No {kind} page for factor '{type}'.", nameof(type)), state);

    public static string PickerUrl(string state) => WithState(Picker, state);

    private static string? PageOf(MfaPromptKind kind, string type) =>
        Pages.FirstOrDefault(p => p.Type == type) is { } page ? kind == MfaPromptKind.Enroll ? page.Enroll : page.Challenge : null;

    private static string WithState(string page, string state) =>
        page + (page.Contains('?') ? "&" : "?") + "state=" + Uri.EscapeDataString(state);

    private sealed record FactorPage(string Type, string? Enroll, string? Challenge);
}
