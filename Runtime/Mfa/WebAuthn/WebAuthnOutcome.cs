namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>What a WebAuthn step at login said: accepted (for <see cref="UserId"/>), or refused and why (for the tenant logs).</summary>
public sealed record WebAuthnOutcome(MfaVerification Verification, string? UserId = null, WebAuthnRefusal? Refusal = null, string? Reason = null)
{
    /// <summary>The recovery code issued with the user's first factor, shown once; null otherwise.</summary>
    public string? RecoveryCode { get; init; }

    public static WebAuthnOutcome Refused(MfaVerification verification, WebAuthnRefusal refusal, string reason) => new(verification, null, refusal, reason);
}
