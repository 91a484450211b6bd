using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Mfa;

/// <summary>
/// One factor a user enrolled: an authenticator app (<see cref="Otp"/>), a recovery code, or a WebAuthn
/// credential (security key or built-in authenticator). Secrets never sit in the clear: the TOTP key is
/// encrypted with Data Protection, the recovery code is only hashed; a WebAuthn row holds only a public key.
/// </summary>
public sealed class MfaEnrollment : ITenantScoped
{
    /// <summary>A TOTP authenticator app (Auth0's <c>otp</c> factor).</summary>
    public const string Otp = "otp";

    /// <summary>A one-time recovery code, issued with the first factor.</summary>
    public const string RecoveryCode = "recovery-code";

    /// <summary>A security key used across devices (USB, NFC, BLE): Auth0's <c>webauthn-roaming</c>.</summary>
    public const string WebAuthnRoaming = "webauthn-roaming";

    /// <summary>The device's built-in authenticator (Touch ID, Windows Hello, Android): Auth0's <c>webauthn-platform</c>.</summary>
    public const string WebAuthnPlatform = "webauthn-platform";

    public static bool IsWebAuthn(string type) => type is WebAuthnRoaming or WebAuthnPlatform;

    /// <summary>A phone that receives codes by SMS (Auth0's <c>phone</c> factor).</summary>
    public const string Phone = "phone";

    /// <summary>A new enrolment id in Auth0's form, e.g. <c>totp|dev_…</c>, <c>sms|dev_…</c>.</summary>
    public static string NewId(string kind) => kind + "|dev_" + System.Security.Cryptography.RandomNumberGenerator.GetHexString(16, lowercase: true);

    public required string Id { get; init; }
    public string TenantId { get; set; } = Tenant.DefaultId;
    public required string UserId { get; init; }
    public required string Type { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>False until the user proved the factor works (typed a first code).</summary>
    public bool Confirmed { get; set; }

    /// <summary>The TOTP key, or the phone number (E.164), protected by Data Protection.</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>The last TOTP time step accepted: a code of that step or earlier is a replay.</summary>
    public long? LastTimeStep { get; set; }

    /// <summary>
    /// SHA-256 of the recovery code (it has 120 random bits, so a fast hash is enough), or of the phone code
    /// last sent, salted with the enrolment id (it lives <see cref="PhoneCodes.Lifetime"/> and is used once).
    /// </summary>
    public string? CodeHash { get; set; }

    /// <summary>WebAuthn: the credential id, base64url (how the browser names it back).</summary>
    public string? CredentialId { get; set; }

    /// <summary>WebAuthn: the credential's public key in COSE form.</summary>
    public byte[]? PublicKey { get; set; }

    /// <summary>WebAuthn: the last sign counter seen; a later assertion must count higher (unless both are 0).</summary>
    public long? SignCount { get; set; }

    /// <summary>WebAuthn: how the browser reached the authenticator (<c>usb,nfc,internal,...</c>), offered back as a hint.</summary>
    public string? Transports { get; set; }

    /// <summary>WebAuthn: a discoverable credential (passkey), usable to sign in without a password.</summary>
    public bool Discoverable { get; set; }

    /// <summary>WebAuthn: the user handle given to the authenticator (base64url); a passkey returns it to name the user.</summary>
    public string? UserHandle { get; set; }

    /// <summary>When the phone code last sent stops being accepted.</summary>
    public DateTimeOffset? CodeExpiresAt { get; set; }

    /// <summary>When a phone code was last sent: a resend waits <see cref="PhoneCodes.ResendCooldown"/>.</summary>
    public DateTimeOffset? CodeSentAt { get; set; }

    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? LastAuthAt { get; set; }
}
