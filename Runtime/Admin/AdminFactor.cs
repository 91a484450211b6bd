using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Admin;

/// <summary>
/// A second factor of a dashboard administrator: an authenticator app, a security key or passkey, or the recovery
/// code. Kept in its own table, apart from end users' enrolments (ADR 0001); the factor types and the way secrets are
/// kept are the end users' (<see cref="MfaEnrollment"/>): the TOTP key encrypted, the recovery code hashed, a
/// credential's public key only.
/// </summary>
public sealed class AdminFactor : ITenantScoped
{
    public string Id { get; init; } = Guid.NewGuid().ToString("N");
    public string TenantId { get; init; } = Tenant.DefaultId;
    public required string AdminId { get; init; }

    /// <summary><see cref="MfaEnrollment.Otp"/>, <see cref="MfaEnrollment.WebAuthnRoaming"/>, <see cref="MfaEnrollment.WebAuthnPlatform"/> or <see cref="MfaEnrollment.RecoveryCode"/>.</summary>
    public required string Type { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>The TOTP key, protected by Data Protection.</summary>
    public string? ProtectedSecret { get; init; }

    /// <summary>The last TOTP step accepted (a compare-and-set token: a code is accepted once).</summary>
    public long? LastTimeStep { get; set; }

    /// <summary>SHA-256 of the recovery code.</summary>
    public string? CodeHash { get; init; }

    /// <summary>WebAuthn: the credential id, base64url.</summary>
    public string? CredentialId { get; init; }

    /// <summary>WebAuthn: the credential's COSE public key.</summary>
    public byte[]? PublicKey { get; init; }

    /// <summary>WebAuthn: the last sign counter seen (a compare-and-set token).</summary>
    public long? SignCount { get; set; }

    public string? Transports { get; init; }

    /// <summary>A description as a factor's enrolment: the form the WebAuthn ceremony options take for excluded or allowed credentials.</summary>
    internal MfaEnrollment AsEnrollment() =>
        new() { Id = Id, UserId = AdminId, Type = Type, CredentialId = CredentialId, Transports = Transports };
}
