using Flowgate.Runtime.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Admin;

/// <summary>
/// Creates dashboard administrators and checks their passwords, with lockout after repeated failures. The security
/// stamp changes with the password and the factors, and on sign-out: every session stamped before is refused.
/// </summary>
public sealed class AdminAccountService(
    IDbContextFactory<FlowgateDbContext> contexts,
    IPasswordHasher<AdminAccount> hasher,
    IOptions<AdminOptions> options,
    AdminLockout lockout,
    AdminSetupToken setupToken,
    ILogger<AdminAccountService> logger)
{

    /// <summary>Whether any administrator exists (the setup page is only open while none does).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AdminAccounts.AnyAsync(cancellationToken);
    }

    /// <summary>The administrator, or null.</summary>
    public async Task<AdminAccount?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AdminAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>
    /// Creates the first administrator; refused once one exists, so the setup page cannot be replayed, and, when
    /// <see cref="AdminOptions.RequireSetupToken"/> holds, without the one-time token the server logged at start.
    /// </summary>
    public async Task<AdminAccountResult> CreateFirstAsync(string email, string password, string? token, CancellationToken cancellationToken)
    {
        if (await AnyAsync(cancellationToken))
            return AdminAccountResult.Fail("An administrator already exists. Sign in instead.");
        if (Validate(email.Trim(), password) is { } problem)
            return AdminAccountResult.Fail(problem);
        if (options.Value.RequireSetupToken == true && !setupToken.TryRedeem(token))
        {
            logger.LogWarning("Setup refused: missing or wrong setup token");
            return AdminAccountResult.Fail("Enter the setup token printed in the server log at start (it works once).");
        }
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

    /// <summary>
    /// Checks a password as one claimed attempt (see <see cref="AdminLockout"/>). A right password ends the sign-in only
    /// when no factor is needed; otherwise the attempt stays counted until the factor passes, so a stolen password
    /// cannot reset the count between guesses of the code.
    /// </summary>
    public async Task<AdminSignInResult> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = Normalize(email);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.AdminAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        if (account?.PasswordHash is null)
        {
            // Hash anyway so an unknown email takes as long as a wrong password.
            hasher.HashPassword(new AdminAccount { Email = email, NormalizedEmail = normalized }, password);
            return AdminSignInResult.Failed;
        }
        if (!await lockout.TryClaimAsync(db, account.Id, cancellationToken))
            return new AdminSignInResult(AdminSignInStatus.LockedOut, LockedUntil: await lockout.LockedUntilAsync(db, account.Id, cancellationToken));

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
            return await lockout.FailedAsync(db, account.Id, cancellationToken) is { } until
                ? new AdminSignInResult(AdminSignInStatus.LockedOut, LockedUntil: until)
                : AdminSignInResult.Failed;

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            var rehashed = hasher.HashPassword(account, password);
            await db.AdminAccounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PasswordHash, rehashed), cancellationToken);
        }
        var next = await db.AdminFactors.AnyAsync(f => f.AdminId == account.Id && f.Type != Mfa.MfaEnrollment.RecoveryCode, cancellationToken)
            ? AdminSignInStep.Factor
            : options.Value.RequireMfa == true ? AdminSignInStep.Enrol : AdminSignInStep.Session;
        if (next == AdminSignInStep.Session)
            await lockout.SucceededAsync(db, account.Id, cancellationToken);
        return new AdminSignInResult(AdminSignInStatus.Succeeded, account, Next: next);
    }

    /// <summary>A sign-in that needed a first factor ended with its enrolment: the failure count starts again.</summary>
    public async Task SignedInAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await lockout.SucceededAsync(db, id, cancellationToken);
    }

    /// <summary>The stamp a session must carry to stay valid; null when the administrator no longer exists.</summary>
    public async Task<string?> SecurityStampAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AdminAccounts.Where(a => a.Id == id).Select(a => a.SecurityStamp).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Ends every session of the administrator: each carries the old stamp. Returns the new one.</summary>
    public async Task<string> RotateSecurityStampAsync(string id, CancellationToken cancellationToken)
    {
        var stamp = Guid.NewGuid().ToString("N");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.AdminAccounts.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SecurityStamp, stamp), cancellationToken);
        logger.LogInformation("Administrator {AdminId}'s sessions were ended", id);
        return stamp;
    }

    /// <summary>Changes the password (the current one must be right) and ends the administrator's other sessions.</summary>
    public async Task<AdminAccountResult> ChangePasswordAsync(string id, string current, string password, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.AdminAccounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account?.PasswordHash is null || hasher.VerifyHashedPassword(account, account.PasswordHash, current) == PasswordVerificationResult.Failed)
            return AdminAccountResult.Fail("The current password is wrong.");
        if (Validate(account.Email, password) is { } problem)
            return AdminAccountResult.Fail(problem);
        account.PasswordHash = hasher.HashPassword(account, password);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Administrator {AdminId} changed their password; their other sessions were ended", id);
        return AdminAccountResult.Ok(account);
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
