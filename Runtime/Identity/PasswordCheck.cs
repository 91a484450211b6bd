using System.Collections.Concurrent;
using Flowgate.Runtime.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// An end user's password check that neither tells strangers which addresses have accounts nor lets parallel
/// guesses pass the lockout. Every branch verifies one hash (a dummy one for unknown addresses and locked accounts),
/// and each attempt on a real account is reserved in the database first (<c>AccessFailedCount + 1</c> while below
/// <see cref="LockoutOptions.MaxFailedAccessAttempts"/> and unlocked, one atomic UPDATE), as Identity's own
/// read-then-write counter loses updates under concurrency.
/// </summary>
public sealed class PasswordCheck(
    IDbContextFactory<FlowgateDbContext> contexts, IPasswordHasher<TenantUser> hasher, IOptions<IdentityOptions> identity,
    IOptions<PasswordHasherOptions> hashing, TimeProvider clock, ILogger<PasswordCheck> logger)
{
    private static readonly TenantUser Nobody = new() { Id = "nobody" };
    // By work factor: the dummy must cost what a real hash of this host costs, whichever host made it first.
    private static readonly ConcurrentDictionary<int, string> DummyHashes = new();

    /// <summary>Checks <paramref name="password"/> for <paramref name="user"/> (null: the address has no account).</summary>
    public async Task<PasswordCheckResult> CheckAsync(TenantUser? user, string password, CancellationToken cancellationToken)
    {
        if (user?.PasswordHash is not { } hash)
        {
            VerifyDummy(password);
            return user is null ? PasswordCheckResult.UnknownUser : PasswordCheckResult.WrongPassword;
        }
        var lockout = identity.Value.Lockout;
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // By id, also a database account linked into another user (hidden from queries): its password still logs in.
        var account = db.Users.IgnoreQueryFilters().Where(u => u.Id == user.Id);
        if (!await PasswordAttempts.ReserveAsync(db, user.Id, lockout, clock, cancellationToken))
        {
            VerifyDummy(password);
            return PasswordCheckResult.Locked;
        }
        var verified = hasher.VerifyHashedPassword(user, hash, password);
        // An imported hash may be far cheaper than the default one: spend at least the default's time on it too.
        if (ImportedPasswordHash.IsStored(hash))
            VerifyDummy(password);
        if (verified != PasswordVerificationResult.Failed)
        {
            await account.ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0), cancellationToken);
            user.AccessFailedCount = 0; // the row was reset above; the in-memory user the page holds says the same
            if (verified == PasswordVerificationResult.SuccessRehashNeeded)
                await RehashAsync(account, user, hash, password, cancellationToken);
            return PasswordCheckResult.Accepted;
        }
        var locked = await account
            .Where(u => u.AccessFailedCount >= lockout.MaxFailedAccessAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, now + lockout.DefaultLockoutTimeSpan).SetProperty(u => u.AccessFailedCount, 0), cancellationToken) == 1;
        if (!locked)
            return PasswordCheckResult.WrongPassword;
        user.LockoutEnd = now + lockout.DefaultLockoutTimeSpan;
        logger.LogWarning("User {UserId} locked out after {Attempts} wrong passwords", user.Id, lockout.MaxFailedAccessAttempts);
        return PasswordCheckResult.Locked;
    }

    // An imported (or outdated) hash becomes the default one at its first successful check. Only the hash that was
    // verified is replaced: if the password changed meanwhile, the newer hash stays.
    private async Task RehashAsync(IQueryable<TenantUser> account, TenantUser user, string verifiedHash, string password, CancellationToken cancellationToken)
    {
        var rehashed = hasher.HashPassword(user, password);
        if (await account.Where(u => u.PasswordHash == verifiedHash)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, rehashed), cancellationToken) == 1)
        {
            user.PasswordHash = rehashed;
            logger.LogInformation("User {UserId}'s password hash upgraded to the default hash at login", user.Id);
        }
    }

    // Same hasher, same cost: the answer's timing does not depend on whether the account exists.
    private void VerifyDummy(string password)
    {
        var dummy = DummyHashes.GetOrAdd(hashing.Value.IterationCount, _ => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));
        hasher.VerifyHashedPassword(Nobody, dummy, password);
    }
}
