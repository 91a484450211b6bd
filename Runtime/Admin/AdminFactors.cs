using System.Security.Cryptography;
using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Admin;

/// <summary>
/// An administrator's authenticator apps and recovery code, checked with the end users' TOTP code (<see cref="Totp"/>,
/// <see cref="MfaSecrets"/>). Every check is a claimed attempt on the account's failure counter (<see cref="AdminLockout"/>).
/// Security keys and passkeys are <see cref="AdminSecurityKeys"/>.
/// </summary>
public sealed class AdminFactors(
    IDbContextFactory<FlowgateDbContext> contexts, MfaSecrets secrets, IDataProtectionProvider protection, AdminLockout lockout,
    TimeProvider clock, ILogger<AdminFactors> logger)
{
    private static readonly TimeSpan EnrolmentLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The administrator's factors, the recovery code included, oldest first.</summary>
    public async Task<IReadOnlyList<AdminFactor>> ListAsync(string adminId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AdminFactors.AsNoTracking().Where(f => f.AdminId == adminId).OrderBy(f => f.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A new authenticator-app key for the administrator, or the one <paramref name="resume"/> protects (a wrong first
    /// code keeps the key already scanned). Nothing is stored until a first code confirms it.
    /// </summary>
    public AdminOtpEnrolment StartOtp(string adminId, string accountName, string? resume = null)
    {
        var key = (resume is null ? null : Unprotect(adminId, resume)) ?? MfaSecrets.NewOtpKey();
        return new AdminOtpEnrolment(EnrolmentProtector(adminId).Protect(Convert.ToBase64String(key), EnrolmentLifetime),
            Base32.Encode(key), Totp.KeyUri(MfaEnrollments.Issuer, accountName, key));
    }

    /// <summary>Adds the authenticator app whose key <paramref name="protectedKey"/> holds, when <paramref name="code"/> is its current code.</summary>
    public async Task<AdminFactorResult> ConfirmOtpAsync(string adminId, string protectedKey, string code, CancellationToken cancellationToken)
    {
        if (Unprotect(adminId, protectedKey) is not { } key)
            return AdminFactorResult.Wrong("The enrolment expired. Scan the new code.");
        var now = clock.GetUtcNow();
        if (Totp.Match(key, Clean(code), now) is not { } step)
            return AdminFactorResult.Wrong();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AdminFactors.Add(new AdminFactor
        {
            AdminId = adminId, Type = MfaEnrollment.Otp, CreatedAt = now, LastUsedAt = now, ProtectedSecret = secrets.Protect(key), LastTimeStep = step,
        });
        var recoveryCode = await AdminRecoveryCodes.FirstAsync(db, adminId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Administrator {AdminId} added an authenticator app", adminId);
        return new AdminFactorResult(AdminFactorStatus.Accepted, recoveryCode);
    }

    /// <summary>Checks a code from one of the administrator's authenticator apps; a code is accepted once.</summary>
    public async Task<AdminFactorResult> VerifyOtpAsync(string adminId, string code, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var apps = await db.AdminFactors.Where(f => f.AdminId == adminId && f.Type == MfaEnrollment.Otp).ToListAsync(cancellationToken);
        if (apps.Count == 0)
            return new AdminFactorResult(AdminFactorStatus.NotEnrolled);
        return await lockout.AttemptAsync(db, adminId, async () =>
        {
            var now = clock.GetUtcNow();
            foreach (var app in apps)
            {
                if (Totp.Match(secrets.Unprotect(app.ProtectedSecret!), Clean(code), now) is not { } step)
                    continue;
                if (step <= app.LastTimeStep)
                    return AdminFactorResult.Wrong("The code was already used.");
                app.LastTimeStep = step;
                app.LastUsedAt = now;
                return await AdminRecoveryCodes.SaveAsync(db, new AdminFactorResult(AdminFactorStatus.Accepted), cancellationToken);
            }
            return AdminFactorResult.Wrong();
        }, cancellationToken);
    }

    /// <summary>Checks the recovery code; an accepted one is spent and a new one returned, to show once.</summary>
    public async Task<AdminFactorResult> UseRecoveryCodeAsync(string adminId, string code, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.AdminFactors.FirstOrDefaultAsync(f => f.AdminId == adminId && f.Type == MfaEnrollment.RecoveryCode, cancellationToken);
        if (stored is null)
            return new AdminFactorResult(AdminFactorStatus.NotEnrolled);
        return await lockout.AttemptAsync(db, adminId, async () =>
        {
            if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(MfaSecrets.HashRecoveryCode(code)), Convert.FromHexString(stored.CodeHash!)))
                return AdminFactorResult.Wrong("Wrong recovery code.");
            var next = await AdminRecoveryCodes.ReplaceAsync(db, adminId, clock.GetUtcNow(), cancellationToken);
            logger.LogInformation("Administrator {AdminId} used their recovery code; a new one was issued", adminId);
            return await AdminRecoveryCodes.SaveAsync(db, new AdminFactorResult(AdminFactorStatus.Accepted, next), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Removes one of the administrator's factors (the recovery code goes with the last one) and ends their other
    /// sessions. Returns the new security stamp for the caller's own session, or null when there was no such factor.
    /// </summary>
    public async Task<string?> RemoveAsync(string adminId, string factorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var factors = await db.AdminFactors.Where(f => f.AdminId == adminId).ToListAsync(cancellationToken);
        if (factors.FirstOrDefault(f => f.Id == factorId && f.Type != MfaEnrollment.RecoveryCode) is not { } removed)
            return null;
        db.AdminFactors.Remove(removed);
        if (!factors.Any(f => f != removed && f.Type != MfaEnrollment.RecoveryCode))
            db.AdminFactors.RemoveRange(factors.Where(f => f.Type == MfaEnrollment.RecoveryCode));
        var stamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(cancellationToken);
        await db.AdminAccounts.Where(a => a.Id == adminId).ExecuteUpdateAsync(s => s.SetProperty(a => a.SecurityStamp, stamp), cancellationToken);
        logger.LogInformation("Administrator {AdminId} removed a {FactorType} factor; their other sessions were ended", adminId, removed.Type);
        return stamp;
    }

    private byte[]? Unprotect(string adminId, string protectedKey)
    {
        try
        {
            return Convert.FromBase64String(EnrolmentProtector(adminId).Unprotect(protectedKey));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private static string Clean(string code) => code.Trim().Replace(" ", "", StringComparison.Ordinal);

    private ITimeLimitedDataProtector EnrolmentProtector(string adminId) =>
        protection.CreateProtector("Flowgate.Admin.OtpEnrolment.v1", adminId).ToTimeLimitedDataProtector();
}
