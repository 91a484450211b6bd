using Flowgate.Runtime.Email.Tickets;
using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// What opening a ticket's link does. An e-mail verification ticket verifies the address (the welcome mail follows
/// a first verification) and sends the browser to the ticket's result URL with Auth0's query parameters. A
/// password-change ticket hands over to the password reset pages: it is spent here, and an Identity reset token
/// (ended by the new password) carries the user on; its result URL rides along protected, so nobody can swap it, and so
/// does <c>mark_email_as_verified</c>, which takes effect only once the new password is set (as on Auth0).
/// </summary>
internal sealed class TicketLanding(EmailTickets tickets, AccountMail mail, UserManager<TenantUser> users, LoginEvents events, IDataProtectionProvider protection)
{
    private const string VerifiedMessage = "Your email was verified. You can continue using the application.";
    private ITimeLimitedDataProtector ResultUrls => protection.CreateProtector("Flowgate.PasswordChangeTicket.ResultUrl").ToTimeLimitedDataProtector();
    private ITimeLimitedDataProtector Verifications => protection.CreateProtector("Flowgate.PasswordChangeTicket.MarkEmailAsVerified").ToTimeLimitedDataProtector();

    /// <summary>Verifies the address. Returns where to send the browser (null to stay on the page) or why the link is refused.</summary>
    public async Task<(string? Redirect, string? Refusal)> VerifyEmailAsync(HttpContext context, string? token)
    {
        var redeemed = await tickets.RedeemAsync(EmailTicketPurpose.EmailVerification, token, context.RequestAborted);
        if (redeemed is not { Ticket: { } ticket, User: { } user })
        {
            events.Write(context, LogTypes.EmailVerificationFailed, redeemed.Refusal!);
            return (null, redeemed.Refusal);
        }
        events.Write(context, LogTypes.EmailVerified, "Email verified", user, clientId: ticket.ClientId);
        if (redeemed.NewlyVerified)
            await mail.SendWelcomeAsync(user, ticket.ClientId, context.RequestAborted);
        return (ticket.ResultUrl is null ? null : WithOutcome(ticket.ResultUrl, ticket, user.Email!), null);
    }

    /// <summary>Spends a password-change ticket; returns the reset page to continue on, or why the link is refused.</summary>
    public async Task<(string? Redirect, string? Refusal)> ChangePasswordAsync(HttpContext context, string? token)
    {
        var redeemed = await tickets.RedeemAsync(EmailTicketPurpose.PasswordChange, token, context.RequestAborted);
        if (redeemed is not { Ticket: { } ticket, User: { } user })
            return (null, redeemed.Refusal);
        var reset = await users.GeneratePasswordResetTokenAsync(user);
        var next = $"u/reset-password/confirm?user={Uri.EscapeDataString(user.Id)}&ticket={Uri.EscapeDataString(reset)}";
        if (ticket.ResultUrl is { } resultUrl)
        {
            var url = ticket.IncludeEmailInRedirect ? QueryHelpers.AddQueryString(resultUrl, "email", user.Email!) : resultUrl;
            next += "&after=" + Uri.EscapeDataString(ResultUrls.Protect(url, ticket.ExpiresAt));
        }
        if (ticket.MarkEmailAsVerified)
            next += "&verify=" + Uri.EscapeDataString(Verifications.Protect(VerificationFor(user, reset), ticket.ExpiresAt));
        return (next, null);
    }

    /// <summary>
    /// After the password was set with <paramref name="reset"/>: marks the address verified when the ticket asked for it
    /// (<paramref name="verify"/>, bound to this user, this address and this reset, so it cannot be carried elsewhere).
    /// </summary>
    public async Task MarkVerifiedAfterResetAsync(HttpContext context, TenantUser user, string reset, string? verify)
    {
        if (string.IsNullOrEmpty(verify) || user.EmailConfirmed)
            return;
        try
        {
            if (Verifications.Unprotect(verify) != VerificationFor(user, reset))
                return;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return;
        }
        user.EmailConfirmed = true;
        user.UpdatedAt = DateTimeOffset.UtcNow;
        if ((await users.UpdateAsync(user)).Succeeded)
            events.Write(context, LogTypes.EmailVerified, "Email verified with a password change ticket", user);
    }

    private static string VerificationFor(TenantUser user, string reset) =>
        user.Id + "|" + user.Email?.ToUpperInvariant() + "|" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(reset)));

    /// <summary>The result URL a password-change ticket protected into <c>after</c>, or null when there is none or it was tampered with.</summary>
    public string? ResultUrlAfterReset(string? after)
    {
        if (string.IsNullOrEmpty(after))
            return null;
        try
        {
            return ResultUrls.Unprotect(after);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static string WithOutcome(string resultUrl, EmailTicket ticket, string email)
    {
        var query = new Dictionary<string, string?> { ["success"] = "true", ["code"] = "success", ["message"] = VerifiedMessage };
        if (ticket.IncludeEmailInRedirect)
            query["email"] = email;
        return QueryHelpers.AddQueryString(resultUrl, query);
    }
}
