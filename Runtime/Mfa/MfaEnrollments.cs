using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Mfa;

/// <summary>Users' factors: authenticator-app enrolment with its recovery code, listing, and the administrator's reset.</summary>
public sealed class MfaEnrollments(
    IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, MfaSecrets secrets, MfaVerifier verifier,
    TimeProvider clock, ILogger<MfaEnrollments> logger)
{
    /// <summary>Shown in the user's authenticator app next to the account.</summary>
    public const string Issuer = "Flowgate";

    /// <summary>Every enrolment of the user, confirmed or not, oldest first.</summary>
    public async Task<IReadOnlyList<MfaEnrollment>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MfaEnrollments.AsNoTracking()
            .Where(e => e.TenantId == tenant.Id && e.UserId == userId)
            .OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>One enrolment by id, in this tenant; null when there is none.</summary>
    public async Task<MfaEnrollment?> FindAsync(string enrollmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MfaEnrollments.AsNoTracking().FirstOrDefaultAsync(e => e.TenantId == tenant.Id && e.Id == enrollmentId, cancellationToken);
    }

    /// <summary>The factor types the user can be challenged with (confirmed ones).</summary>
    public async Task<IReadOnlyList<string>> ConfirmedTypesAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await ListAsync(userId, cancellationToken)).Where(e => e.Confirmed).Select(e => e.Type).Distinct()];

    /// <summary>
    /// The pending authenticator-app enrolment, started now if there is none (a page reload shows the same key).
    /// Null when the user already has a confirmed one: a second would be a way around the challenge.
    /// </summary>
    public async Task<OtpEnrollmentStart?> BeginOtpAsync(string userId, string accountName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var otp = await db.MfaEnrollments.Where(e => e.TenantId == tenant.Id && e.UserId == userId && e.Type == MfaEnrollment.Otp).ToListAsync(cancellationToken);
        if (otp.Any(e => e.Confirmed))
            return null;
        var pending = otp.FirstOrDefault();
        if (pending is null)
        {
            pending = new MfaEnrollment
            {
                Id = MfaEnrollment.NewId("totp"),
                TenantId = tenant.Id, UserId = userId, Type = MfaEnrollment.Otp, CreatedAt = clock.GetUtcNow(),
                ProtectedSecret = secrets.Protect(MfaSecrets.NewOtpKey()),
            };
            db.MfaEnrollments.Add(pending);
            await db.SaveChangesAsync(cancellationToken);
        }
        var key = secrets.Unprotect(pending.ProtectedSecret!);
        return new OtpEnrollmentStart(pending.Id, Base32.Encode(key), Totp.KeyUri(Issuer, accountName, key));
    }

    /// <summary>Confirms the pending enrolment with a first code and issues the recovery code (replacing an older one).</summary>
    public async Task<OtpConfirmation> ConfirmOtpAsync(string userId, string code, CancellationToken cancellationToken)
    {
        var verification = await verifier.VerifyOtpAsync(userId, code, pending: true, cancellationToken);
        if (verification != MfaVerification.Accepted)
            return new OtpConfirmation(verification, null);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recoveryCode = await verifier.ReplaceRecoveryCodeAsync(db, userId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} enrolled an authenticator app", userId);
        return new OtpConfirmation(MfaVerification.Accepted, recoveryCode);
    }

    /// <summary>Removes one enrolment. Removing the last factor removes the recovery code too (it recovers nothing then).</summary>
    public async Task<bool> DeleteAsync(string enrollmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var enrollment = await db.MfaEnrollments.FirstOrDefaultAsync(e => e.TenantId == tenant.Id && e.Id == enrollmentId, cancellationToken);
        if (enrollment is null)
            return false;
        db.MfaEnrollments.Remove(enrollment);
        var others = await db.MfaEnrollments.Where(e => e.TenantId == tenant.Id && e.UserId == enrollment.UserId && e.Id != enrollmentId).ToListAsync(cancellationToken);
        if (others.All(e => e.Type == MfaEnrollment.RecoveryCode))
            db.MfaEnrollments.RemoveRange(others);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("MFA enrolment {EnrollmentId} of user {UserId} removed", enrollmentId, enrollment.UserId);
        return true;
    }

    /// <summary>The administrator's reset: every factor and the recovery code go; the next login that asks for MFA enrols again.</summary>
    public async Task<int> ResetAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var removed = await db.MfaEnrollments.Where(e => e.TenantId == tenant.Id && e.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("MFA factors of user {UserId} reset ({Count} removed)", userId, removed);
        return removed;
    }
}
