namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>The <c>WebAuthn</c> section: the relying party security keys and passkeys are bound to.</summary>
public sealed class WebAuthnOptions
{
    public const string Section = "WebAuthn";

    /// <summary>
    /// The RP id, a registrable domain (e.g. <c>login.example.com</c> or <c>example.com</c>). Empty: the host the
    /// request came to. Changing it later makes every enrolled credential unusable.
    /// </summary>
    public string? RpId { get; set; }

    /// <summary>The name authenticators show next to the account.</summary>
    public string RpName { get; set; } = MfaEnrollments.Issuer;

    /// <summary>Origins allowed to answer (e.g. <c>https://login.example.com</c>). Empty: the issuer's, or the request's.</summary>
    public List<string> Origins { get; set; } = [];
}
