using System.Diagnostics;
using Flowgate.Runtime.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// Reserves one password attempt on an account (<c>AccessFailedCount + 1</c> while below the limit and unlocked, one
/// atomic UPDATE). All slots taken does not mean locked: the attempts holding them may be correct passwords still
/// being hashed (one account logging in from many browsers at once). Such an attempt waits for a slot, briefly; it
/// never verifies a password without one, so no more than the limit of guesses is ever checked before a lockout.
/// </summary>
internal static class PasswordAttempts
{
    // A slot frees within one hash verification; this bounds the wait when many attempts queue on one account.
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>True when an attempt was reserved; false when the account is locked (or stayed saturated too long).</summary>
    public static async Task<bool> ReserveAsync(FlowgateDbContext db, string userId, LockoutOptions lockout, TimeProvider clock, CancellationToken cancellationToken)
    {
        // A linked database account is hidden from queries but counts its attempts like any other.
        var account = db.Users.IgnoreQueryFilters().Where(u => u.Id == userId);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var now = clock.GetUtcNow();
            var reserved = await account
                .Where(u => u.AccessFailedCount < lockout.MaxFailedAccessAttempts && (u.LockoutEnd == null || u.LockoutEnd <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), cancellationToken) == 1;
            if (reserved)
                return true;
            var lockedUntil = await account.Select(u => u.LockoutEnd).SingleOrDefaultAsync(cancellationToken);
            if (lockedUntil > now || waited.Elapsed >= MaxWait)
                return false;
            // Not a test sleep: the server waits for the attempts in flight on this account to finish their hashes.
            await Task.Delay(Poll, cancellationToken);
        }
    }
}
