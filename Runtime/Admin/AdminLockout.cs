using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Admin;

/// <summary>
/// The administrator's failure counter, kept in SQL so it holds under concurrent requests: every sign-in step
/// (a password, a factor code) first claims an attempt with one conditional <c>UPDATE ... SET n = n + 1</c>, and only a
/// claimed attempt is checked. Of any number of parallel guesses, exactly <see cref="AdminOptions.MaxFailedAccessAttempts"/>
/// are checked before the account locks. A completed sign-in gives the attempts back.
/// </summary>
public sealed class AdminLockout(IOptions<AdminOptions> options, TimeProvider clock, ILogger<AdminLockout> logger)
{
    /// <summary>Claims one attempt; false when the account is locked or its attempts are all in use.</summary>
    public async Task<bool> TryClaimAsync(FlowgateDbContext db, string adminId, CancellationToken cancellationToken)
    {
        var (max, now) = (options.Value.MaxFailedAccessAttempts, clock.GetUtcNow());
        return await db.AdminAccounts
            .Where(a => a.Id == adminId && a.AccessFailedCount < max && (a.LockoutEnd == null || a.LockoutEnd <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AccessFailedCount, a => a.AccessFailedCount + 1), cancellationToken) == 1;
    }

    /// <summary>A claimed attempt failed: when it was the last one allowed, the account locks. Returns when it is locked until, if it is.</summary>
    public async Task<DateTimeOffset?> FailedAsync(FlowgateDbContext db, string adminId, CancellationToken cancellationToken)
    {
        var (max, until) = (options.Value.MaxFailedAccessAttempts, clock.GetUtcNow().AddMinutes(options.Value.LockoutMinutes));
        var locked = await db.AdminAccounts.Where(a => a.Id == adminId && a.AccessFailedCount >= max)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockoutEnd, until).SetProperty(a => a.AccessFailedCount, 0), cancellationToken) == 1;
        if (!locked)
            return null;
        logger.LogWarning("Administrator {AdminId} locked out until {LockoutEnd}", adminId, until);
        return until;
    }

    /// <summary>When the account is locked until, if it is (for the message).</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(FlowgateDbContext db, string adminId, CancellationToken cancellationToken)
    {
        var until = await db.AdminAccounts.Where(a => a.Id == adminId).Select(a => a.LockoutEnd).SingleOrDefaultAsync(cancellationToken);
        return until > clock.GetUtcNow() ? until : null;
    }

    /// <summary>Every step of a sign-in passed: the count starts again.</summary>
    public async Task SucceededAsync(FlowgateDbContext db, string adminId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.AdminAccounts.Where(a => a.Id == adminId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.AccessFailedCount, 0).SetProperty(a => a.LockoutEnd, (DateTimeOffset?)null).SetProperty(a => a.LastLogin, now), cancellationToken);
    }

    /// <summary>One factor step as a claimed attempt: refused unclaimed when locked, counted when wrong, and a pass ends the sign-in's count.</summary>
    public async Task<AdminFactorResult> AttemptAsync(FlowgateDbContext db, string adminId, Func<Task<AdminFactorResult>> check, CancellationToken cancellationToken)
    {
        if (!await TryClaimAsync(db, adminId, cancellationToken))
            return new AdminFactorResult(AdminFactorStatus.LockedOut, LockedUntil: await LockedUntilAsync(db, adminId, cancellationToken));
        var result = await check();
        if (result.Accepted)
        {
            await SucceededAsync(db, adminId, cancellationToken);
            return result;
        }
        logger.LogInformation("Administrator {AdminId} gave a wrong factor: {Reason}", adminId, result.Reason ?? "wrong code");
        return await FailedAsync(db, adminId, cancellationToken) is { } until ? result with { Status = AdminFactorStatus.LockedOut, LockedUntil = until } : result;
    }
}
