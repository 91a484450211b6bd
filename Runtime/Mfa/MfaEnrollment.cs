using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Mfa;

/// <summary>
/// One factor a user enrolled: an authenticator app (<see cref="Otp"/>) or a recovery code. Secrets never
/// sit in the clear: the TOTP key is encrypted with Data Protection, the recovery code is only hashed.
/// </summary>
public sealed class MfaEnrollment : ITenantScoped
{
    /// <summary>A TOTP authenticator app (Auth0's <c>otp</c> factor).</summary>
    public const string Otp = "otp";

    /// <summary>A one-time recovery code, issued with the first factor.</summary>
    public const string RecoveryCode = "recovery-code";

    public required string Id { get; init; }
    public string TenantId { get; set; } = Tenant.DefaultId;
    public required string UserId { get; init; }
    public required string Type { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>False until the user proved the factor works (typed a first code).</summary>
    public bool Confirmed { get; set; }

    /// <summary>The TOTP key, protected by Data Protection.</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>The last TOTP time step accepted: a code of that step or earlier is a replay.</summary>
    public long? LastTimeStep { get; set; }

    /// <summary>SHA-256 of the recovery code (it has 120 random bits, so a fast hash is enough).</summary>
    public string? CodeHash { get; set; }

    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? LastAuthAt { get; set; }
}
