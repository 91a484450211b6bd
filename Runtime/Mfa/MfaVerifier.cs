using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Mfa;

/// <summary>
/// Checks codes against a user's factors: a TOTP code is accepted once per time step (later steps only),
/// a recovery code once; <see cref="MaxFailedAttempts"/> wrong codes lock the factor for <see cref="LockDuration"/>,
/// counted atomically in the database (<see cref="FactorAttempts"/>) so parallel guesses cannot exceed it.
/// </summary>
public sealed class MfaVerifier(
    IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, MfaSecrets secrets, TimeProvider clock, ILogger<MfaVerifier> logger)
{
    public const int MaxFailedAttempts = 10;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    /// <summary>Checks a code from the authenticator app; <paramref name="pending"/> checks (and confirms) the enrolment in progress.</summary>
    public async Task<MfaVerification> VerifyOtpAsync(string userId, string code, bool pending, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var otp = await db.MfaEnrollments.FirstOrDefaultAsync(
            e => e.TenantId == tenant.Id && e.UserId == userId && e.Type == MfaEnrollment.Otp && e.Confirmed == !pending, cancellationToken);
        if (otp is null)
            return MfaVerification.NotEnrolled;
        var now = clock.GetUtcNow();
        if (otp.LockedUntil > now || !await FactorAttempts.TryReserveAsync(db, otp, now, cancellationToken))
            return MfaVerification.Locked;

        var step = Totp.Match(secrets.Unprotect(otp.ProtectedSecret!), code.Trim().Replace(" ", ""), now);
        var verification = step is null ? MfaVerification.Wrong
            : step <= otp.LastTimeStep ? MfaVerification.Replayed
            : MfaVerification.Accepted;
        if (verification == MfaVerification.Accepted)
        {
            otp.LastTimeStep = step;
            otp.Confirmed = true;
            FactorAttempts.Reset(db, otp);
            otp.LastAuthAt = now;
            return await SaveAsync(db, verification, cancellationToken);
        }
        return await FailAsync(db, otp, verification, now, cancellationToken);
    }

    /// <summary>Checks a recovery code; an accepted one is spent and replaced by a new one for the user to keep.</summary>
    public async Task<RecoveryCodeUse> UseRecoveryCodeAsync(string userId, string code, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recovery = await db.MfaEnrollments.FirstOrDefaultAsync(
            e => e.TenantId == tenant.Id && e.UserId == userId && e.Type == MfaEnrollment.RecoveryCode, cancellationToken);
        if (recovery is null)
            return new RecoveryCodeUse(MfaVerification.NotEnrolled, null);
        var now = clock.GetUtcNow();
        if (recovery.LockedUntil > now || !await FactorAttempts.TryReserveAsync(db, recovery, now, cancellationToken))
            return new RecoveryCodeUse(MfaVerification.Locked, null);
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                Convert.FromHexString(MfaSecrets.HashRecoveryCode(code)), Convert.FromHexString(recovery.CodeHash!)))
            return new RecoveryCodeUse(await FailAsync(db, recovery, MfaVerification.Wrong, now, cancellationToken), null);

        var next = await ReplaceRecoveryCodeAsync(db, userId, cancellationToken);
        var verification = await SaveAsync(db, MfaVerification.Accepted, cancellationToken);
        if (verification != MfaVerification.Accepted)
            return new RecoveryCodeUse(verification, null);
        logger.LogInformation("User {UserId} used their recovery code; a new one was issued", userId);
        return new RecoveryCodeUse(verification, next);
    }

    /// <summary>The recovery code that comes with a user's first factor: null when they have one already.</summary>
    internal async Task<string?> FirstRecoveryCodeAsync(FlowgateDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.MfaEnrollments.AnyAsync(e => e.TenantId == tenant.Id && e.UserId == userId && e.Type == MfaEnrollment.RecoveryCode, cancellationToken)
            ? null
            : await ReplaceRecoveryCodeAsync(db, userId, cancellationToken);

    /// <summary>A new recovery code for the user, replacing any other; returns it in the clear, once.</summary>
    internal async Task<string> ReplaceRecoveryCodeAsync(FlowgateDbContext db, string userId, CancellationToken cancellationToken)
    {
        db.MfaEnrollments.RemoveRange(await db.MfaEnrollments
            .Where(e => e.TenantId == tenant.Id && e.UserId == userId && e.Type == MfaEnrollment.RecoveryCode).ToListAsync(cancellationToken));
        var code = MfaSecrets.NewRecoveryCode();
        db.MfaEnrollments.Add(new MfaEnrollment
        {
            Id = MfaEnrollment.NewId(MfaEnrollment.RecoveryCode),
            TenantId = tenant.Id, UserId = userId, Type = MfaEnrollment.RecoveryCode, CreatedAt = clock.GetUtcNow(),
            Confirmed = true, CodeHash = MfaSecrets.HashRecoveryCode(code),
        });
        return code;
    }

    /// <summary>
    /// A wrong code whose attempt was reserved (<see cref="FactorAttempts.TryReserveAsync"/>): locks the factor when
    /// that was its last attempt, and returns <see cref="MfaVerification.Locked"/> then.
    /// </summary>
    internal async Task<MfaVerification> FailAsync(FlowgateDbContext db, MfaEnrollment factor, MfaVerification verification, DateTimeOffset now, CancellationToken cancellationToken)
    {
        logger.LogInformation("Wrong {FactorType} code for user {UserId} ({Verification})", factor.Type, factor.UserId, verification);
        if (!await FactorAttempts.LockIfSpentAsync(db, factor, now, cancellationToken))
            return verification;
        logger.LogWarning("MFA factor {EnrollmentId} of user {UserId} locked until {LockedUntil} after {Attempts} wrong codes",
            factor.Id, factor.UserId, now + LockDuration, MaxFailedAttempts);
        return MfaVerification.Locked;
    }

    // Two requests with the same answer race here: the step, the sign count or the code hash (concurrency tokens) lets one win.
    internal static async Task<MfaVerification> SaveAsync(FlowgateDbContext db, MfaVerification verification, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return verification;
        }
        catch (DbUpdateConcurrencyException)
        {
            return MfaVerification.Replayed;
        }
    }
}
