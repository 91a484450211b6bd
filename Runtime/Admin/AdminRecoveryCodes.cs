using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Admin;

/// <summary>The administrator's one recovery code, made like end users' (<see cref="MfaSecrets"/>): shown once, stored hashed.</summary>
internal static class AdminRecoveryCodes
{
    /// <summary>The code that comes with the first factor: null when the administrator has one already.</summary>
    public static async Task<string?> FirstAsync(FlowgateDbContext db, string adminId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.AdminFactors.AnyAsync(f => f.AdminId == adminId && f.Type == MfaEnrollment.RecoveryCode, cancellationToken)
            ? null
            : await ReplaceAsync(db, adminId, now, cancellationToken);

    /// <summary>A new code replacing any other (saved with the caller's changes); returned in the clear, once.</summary>
    public static async Task<string> ReplaceAsync(FlowgateDbContext db, string adminId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.AdminFactors.RemoveRange(await db.AdminFactors.Where(f => f.AdminId == adminId && f.Type == MfaEnrollment.RecoveryCode).ToListAsync(cancellationToken));
        var code = MfaSecrets.NewRecoveryCode();
        db.AdminFactors.Add(new AdminFactor { AdminId = adminId, Type = MfaEnrollment.RecoveryCode, CreatedAt = now, CodeHash = MfaSecrets.HashRecoveryCode(code) });
        return code;
    }

    /// <summary>Saves an accepted factor step; a concurrent request with the same answer (a concurrency token moved) loses.</summary>
    public static async Task<AdminFactorResult> SaveAsync(FlowgateDbContext db, AdminFactorResult result, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return AdminFactorResult.Wrong("The same answer was used twice.");
        }
    }
}
