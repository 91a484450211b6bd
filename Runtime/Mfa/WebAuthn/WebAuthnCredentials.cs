using System.Buffers.Text;
using System.Text;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// Users' WebAuthn credentials at login: enrolment, the factor challenge and the passkey sign-in. Every
/// refused answer says why; at a challenge it counts toward the factor's lock like a wrong code.
/// </summary>
public sealed class WebAuthnCredentials(
    IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, WebAuthnChallenges challenges, MfaVerifier verifier,
    TimeProvider clock, ILogger<WebAuthnCredentials> logger)
{
    /// <summary>The purpose of a passkey sign-in's challenge (no user yet).</summary>
    public const string PasskeyPurpose = "passkey";

    /// <summary>The user's confirmed credentials of <paramref name="type"/> (both types when null).</summary>
    public async Task<IReadOnlyList<MfaEnrollment>> ListAsync(string userId, string? type, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MfaEnrollments.AsNoTracking()
            .Where(e => e.TenantId == tenant.Id && e.UserId == userId && e.Confirmed && e.CredentialId != null && (type == null || e.Type == type))
            .OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>The user handle authenticators keep: the user id's bytes (no email or name, which may change or identify).</summary>
    public static string UserHandle(string userId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(userId));

    /// <summary>Checks a new credential and stores it as the user's factor of <paramref name="type"/>.</summary>
    public async Task<WebAuthnOutcome> RegisterAsync(RelyingParty rp, string userId, string type, string purpose, CredentialResponse response, CancellationToken cancellationToken)
    {
        if (await RedeemAsync(response, purpose, cancellationToken) is { } refused)
            return Refused(userId, type, refused);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A credential id names one credential in the tenant, whoever holds it.
        var check = await WebAuthnVerifier.VerifyRegistrationAsync(rp, UserHandle(userId), type, response, async (id, ct) =>
        {
            var credentialId = Base64Url.EncodeToString(id);
            return !await db.MfaEnrollments.AnyAsync(e => e.TenantId == tenant.Id && e.CredentialId == credentialId, ct);
        }, cancellationToken);
        if (check.Value is not { } credential)
            return Refused(userId, type, (check.Refusal!.Value, check.Reason!));
        var credentialId = Base64Url.EncodeToString(credential.Id);
        if (credentialId.Length > 450)
            return Refused(userId, type, (WebAuthnRefusal.Malformed, "The credential id is longer than Flowgate stores (337 bytes)."));

        db.MfaEnrollments.Add(new MfaEnrollment
        {
            Id = MfaEnrollment.NewId(type),
            TenantId = tenant.Id, UserId = userId, Type = type, CreatedAt = clock.GetUtcNow(), Confirmed = true,
            CredentialId = credentialId, PublicKey = credential.PublicKey, SignCount = credential.SignCount,
            Transports = string.Join(',', response.Transports), Discoverable = type == MfaEnrollment.WebAuthnPlatform,
            UserHandle = UserHandle(userId), LastAuthAt = clock.GetUtcNow(),
        });
        var recoveryCode = await verifier.FirstRecoveryCodeAsync(db, userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} enrolled a {FactorType} credential ({Format} attestation)", userId, type, credential.AttestationFormat);
        return new WebAuthnOutcome(MfaVerification.Accepted, userId) { RecoveryCode = recoveryCode };
    }

    /// <summary>Checks an assertion by one of the user's credentials of <paramref name="type"/>, as a second factor.</summary>
    public async Task<WebAuthnOutcome> AssertAsync(RelyingParty rp, string userId, string type, string purpose, CredentialResponse response, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var credentials = await db.MfaEnrollments
            .Where(e => e.TenantId == tenant.Id && e.UserId == userId && e.Type == type && e.Confirmed && e.CredentialId != null)
            .OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        // An unknown credential still counts against the user's first one: guessing must lock too.
        var credential = credentials.FirstOrDefault(e => e.CredentialId == response.Id);
        if ((credential ?? credentials.FirstOrDefault()) is not { } counted)
            return WebAuthnOutcome.Refused(MfaVerification.NotEnrolled, WebAuthnRefusal.UnknownCredential, $"The user has no {type} credential.");
        return await CheckAsync(db, rp, counted, credential is null ? null : response, purpose, type == MfaEnrollment.WebAuthnPlatform, cancellationToken);
    }

    /// <summary>A passkey sign-in: the credential names the user (its user handle must agree); user verification is required.</summary>
    public async Task<WebAuthnOutcome> AssertPasskeyAsync(RelyingParty rp, CredentialResponse response, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var credential = await db.MfaEnrollments.FirstOrDefaultAsync(
            e => e.TenantId == tenant.Id && e.CredentialId == response.Id && e.Discoverable && e.Confirmed, cancellationToken);
        if (credential is null)
            return Refused(null, PasskeyPurpose, await RedeemAsync(response, PasskeyPurpose, cancellationToken) ?? (WebAuthnRefusal.UnknownCredential, "No passkey with this credential id is registered."));
        if (response.UserHandle is not { } handle || Base64Url.EncodeToString(handle) != credential.UserHandle)
            return Refused(credential.UserId, PasskeyPurpose, (WebAuthnRefusal.UnknownCredential, "The passkey's user handle does not match its credential."));
        return await CheckAsync(db, rp, credential, response, PasskeyPurpose, requireUserVerification: true, cancellationToken);
    }

    // The challenge, then the signature and counter; a refusal counts toward the lock, a pass resets it.
    private async Task<WebAuthnOutcome> CheckAsync(FlowgateDbContext db, RelyingParty rp, MfaEnrollment credential, CredentialResponse? response,
        string purpose, bool requireUserVerification, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (credential.LockedUntil > now || !await FactorAttempts.TryReserveAsync(db, credential, now, cancellationToken))
            return WebAuthnOutcome.Refused(MfaVerification.Locked, WebAuthnRefusal.UnknownCredential, "The factor is locked after too many failed attempts.");
        var refusal = response is null ? (WebAuthnRefusal.UnknownCredential, "The credential is not one of the user's.") : await RedeemAsync(response, purpose, cancellationToken);
        if (refusal is null)
        {
            var check = await WebAuthnVerifier.VerifyAssertionAsync(rp, response!, credential.PublicKey!, (uint)(credential.SignCount ?? 0),
                credential.UserHandle ?? UserHandle(credential.UserId), requireUserVerification, cancellationToken);
            if (check.Value is { } assertion)
            {
                credential.SignCount = assertion.SignCount;
                FactorAttempts.Reset(db, credential);
                credential.LastAuthAt = now;
                var saved = await MfaVerifier.SaveAsync(db, MfaVerification.Accepted, cancellationToken);
                return saved == MfaVerification.Accepted ? new WebAuthnOutcome(saved, credential.UserId)
                    : WebAuthnOutcome.Refused(saved, WebAuthnRefusal.ChallengeReplayed, "Another assertion with the same counter won the race.");
            }
            refusal = (check.Refusal!.Value, check.Reason!);
        }
        var (kind, reason) = refusal.Value;
        if (kind == WebAuthnRefusal.CounterWentBack)
            logger.LogWarning("Credential {EnrollmentId} of user {UserId} refused: {Reason}", credential.Id, credential.UserId, reason);
        var verification = await verifier.FailAsync(db, credential, kind == WebAuthnRefusal.ChallengeReplayed ? MfaVerification.Replayed : MfaVerification.Wrong, now, cancellationToken);
        return WebAuthnOutcome.Refused(verification, kind, reason);
    }

    private Task<(WebAuthnRefusal Refusal, string Reason)?> RedeemAsync(CredentialResponse response, string purpose, CancellationToken cancellationToken) =>
        challenges.RedeemAsync(response.Challenge, purpose, cancellationToken);

    private WebAuthnOutcome Refused(string? userId, string type, (WebAuthnRefusal Refusal, string Reason) refused)
    {
        logger.LogInformation("{FactorType} refused for user {UserId}: {Reason}", type, userId, refused.Reason);
        return WebAuthnOutcome.Refused(MfaVerification.Wrong, refused.Refusal, refused.Reason);
    }
}
