using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Mfa;

/// <summary>
/// Wrong-code counting that holds under concurrency. Each attempt is reserved in the database before its code is
/// checked (<c>FailedAttempts + 1</c> only while below the limit and unlocked, one atomic UPDATE), so however many
/// requests race, at most <see cref="MfaVerifier.MaxFailedAttempts"/> codes are ever compared before the lock.
/// </summary>
internal static class FactorAttempts
{
    /// <summary>Takes one attempt; false when the factor is locked or its attempts are used up (the code must not be checked).</summary>
    public static async Task<bool> TryReserveAsync(FlowgateDbContext db, MfaEnrollment factor, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.MfaEnrollments
            .Where(e => e.Id == factor.Id && e.FailedAttempts < MfaVerifier.MaxFailedAttempts && (e.LockedUntil == null || e.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailedAttempts, e => e.FailedAttempts + 1), cancellationToken) == 1;

    /// <summary>After a wrong code: locks the factor once its reserved attempts reach the limit. True when this call locked it.</summary>
    public static async Task<bool> LockIfSpentAsync(FlowgateDbContext db, MfaEnrollment factor, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.MfaEnrollments
            .Where(e => e.Id == factor.Id && e.FailedAttempts >= MfaVerifier.MaxFailedAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.LockedUntil, now + MfaVerifier.LockDuration)
                .SetProperty(e => e.FailedAttempts, 0), cancellationToken) == 1;

    /// <summary>After a right code: the count starts again, written with the factor's other changes.</summary>
    public static void Reset(FlowgateDbContext db, MfaEnrollment factor)
    {
        factor.FailedAttempts = 0;
        // The reservation changed the row behind the tracked entity's back: write the zero even if it looks unchanged.
        db.Entry(factor).Property(e => e.FailedAttempts).IsModified = true;
    }
}
