using Flowgate.Runtime.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Admin;

/// <summary>Creates dashboard administrators and checks their passwords, with lockout after repeated failures.</summary>
public sealed class AdminAccountService(
    IDbContextFactory<FlowgateDbContext> contexts,
    IPasswordHasher<AdminAccount> hasher,
    IOptions<AdminOptions> options,
    TimeProvider clock,
    ILogger<AdminAccountService> logger)
{
    /// <summary>Whether any administrator exists (the setup page is only open while none does).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AdminAccounts.AnyAsync(cancellationToken);
    }

    /// <summary>Creates the first administrator; refused once one exists, so the setup page cannot be replayed.</summary>
    public async Task<AdminAccountResult> CreateFirstAsync(string email, string password, CancellationToken cancellationToken)
    {
        if (await AnyAsync(cancellationToken))
            return AdminAccountResult.Fail("An administrator already exists. Sign in instead.");
        return await CreateAsync(email, password, cancellationToken);
    }

    /// <summary>Creates an administrator (the command line may add more than one).</summary>
    public async Task<AdminAccountResult> CreateAsync(string email, string password, CancellationToken cancellationToken)
    {
        email = email.Trim();
        var problem = Validate(email, password);
        if (problem is not null)
            return AdminAccountResult.Fail(problem);

        var account = new AdminAccount { Email = email, NormalizedEmail = Normalize(email) };
        account.PasswordHash = hasher.HashPassword(account, password);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.AdminAccounts.AnyAsync(a => a.NormalizedEmail == account.NormalizedEmail, cancellationToken))
            return AdminAccountResult.Fail($"An administrator with the email {email} already exists.");
        db.AdminAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Administrator {AdminId} created", account.Id);
        return AdminAccountResult.Ok(account);
    }

    /// <summary>Checks a password; counts failures and locks the account after too many in a row.</summary>
    public async Task<AdminSignInResult> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.AdminAccounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        if (account?.PasswordHash is null)
        {
            // Hash anyway so an unknown email takes as long as a wrong password.
            hasher.HashPassword(new AdminAccount { Email = email, NormalizedEmail = normalized }, password);
            return AdminSignInResult.Failed;
        }

        var now = clock.GetUtcNow();
        if (account.LockoutEnd > now)
            return new AdminSignInResult(AdminSignInStatus.LockedOut, LockedUntil: account.LockoutEnd);

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
            return await RecordFailureAsync(db, account, now, cancellationToken);

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            account.PasswordHash = hasher.HashPassword(account, password);
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        account.LastLogin = now;
        await db.SaveChangesAsync(cancellationToken);
        return new AdminSignInResult(AdminSignInStatus.Succeeded, account);
    }

    private async Task<AdminSignInResult> RecordFailureAsync(FlowgateDbContext db, AdminAccount account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        account.AccessFailedCount++;
        if (account.AccessFailedCount >= options.Value.MaxFailedAccessAttempts)
        {
            account.AccessFailedCount = 0;
            account.LockoutEnd = now.AddMinutes(options.Value.LockoutMinutes);
            logger.LogWarning("Administrator {AdminId} locked out until {LockoutEnd}", account.Id, account.LockoutEnd);
        }
        await db.SaveChangesAsync(cancellationToken);
        return account.LockoutEnd > now
            ? new AdminSignInResult(AdminSignInStatus.LockedOut, LockedUntil: account.LockoutEnd)
            : AdminSignInResult.Failed;
    }

    private string? Validate(string email, string password)
    {
        if (email.Length is 0 or > 256 || !email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@'))
            return "Enter a valid email address.";
        if (password.Length < options.Value.MinimumPasswordLength)
            return $"The password must be at least {options.Value.MinimumPasswordLength} characters long.";
        if (string.Equals(password, email, StringComparison.OrdinalIgnoreCase))
            return "The password must not be the email address.";
        return null;
    }

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();
}
