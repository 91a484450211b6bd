using Flowgate.Runtime.Email;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Mfa;

namespace Flowgate.Dashboard.Login.Mfa;

/// <summary>
/// The user's own factor page (<c>/u/mfa</c>): a session that holds factors must have passed one within the last
/// minutes to change them, so a password alone never removes a factor. Removing the last one is logged and mailed
/// to the user, who learns of it even if it was not them.
/// </summary>
internal sealed class FactorSelfService(
    MfaEnrollments enrollments, FactorSession session, LoginMfa mfa, LoginEvents events, IEmailDelivery email, ILogger<FactorSelfService> logger)
{
    /// <summary>The page itself.</summary>
    public const string Page = "/u/mfa";

    /// <summary>Where the user must pass a factor first; null when this session may change factors now.</summary>
    public async Task<string?> StepUpUrlAsync(HttpContext context, TenantUser user, IReadOnlyList<MfaEnrollment> factors) =>
        factors.Any(f => f.Confirmed) && !await session.IsFreshAsync(context)
            ? await mfa.StepUpAsync(context, user, factors, Page)
            : null;

    /// <summary>Removes one of the user's own factors, if this session may; returns whether it did.</summary>
    public async Task<bool> RemoveAsync(HttpContext context, TenantUser user, MfaEnrollment factor)
    {
        var factors = await enrollments.ListAsync(user.Id, context.RequestAborted);
        if (factor.UserId != user.Id || await StepUpUrlAsync(context, user, factors) is not null)
            return false;
        await enrollments.DeleteAsync(factor.Id, context.RequestAborted);
        events.Write(context, LogTypes.MfaUnenrolled, $"{factor.Type} removed by the user", user);
        var left = await enrollments.ListAsync(user.Id, context.RequestAborted);
        if (factors.Any(f => f.Confirmed) && !left.Any(f => f.Confirmed && f.Type != MfaEnrollment.RecoveryCode))
            await TellLastRemovedAsync(context, user);
        return true;
    }

    // Nothing but the password protects the account now: the owner must hear of it.
    private async Task TellLastRemovedAsync(HttpContext context, TenantUser user)
    {
        events.Write(context, LogTypes.MfaUnenrolled, "The user's last multi-factor method was removed: the password alone now signs in", user);
        logger.LogInformation("User {UserId} removed their last factor", user.Id);
        if (string.IsNullOrEmpty(user.Email))
            return;
        await email.SendAsync(new EmailMessage(user.Email, "Your account no longer has multi-factor authentication",
            $"The last multi-factor method of {user.Email} was removed from your account, so your password alone now signs you in.\n\n" +
            "If it was not you, reset your password now and contact the application's administrator."), context.RequestAborted);
    }
}
