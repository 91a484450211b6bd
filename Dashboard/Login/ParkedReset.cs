using System.Security.Cryptography;
using System.Text;
using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// What a password reset parked in <see cref="SuspendedLogins"/> has instead of a session: the mailed link's ticket,
/// which proves the user, and the browser that opened it. The state travels in URLs (even to the site an Action
/// redirects to), so it is bound to a random HttpOnly cookie that never leaves this browser and this server.
/// </summary>
/// <param name="BrowserHash">The SHA-256 of the binding cookie's value.</param>
internal sealed record ParkedReset(string Ticket, string BrowserHash)
{
    public const string Cookie = "flowgate.reset-browser";

    /// <summary>Binds the reset to this browser, reusing the browser's binding cookie when it already has one.</summary>
    public static ParkedReset Bind(HttpContext context, string ticket)
    {
        var value = context.Request.Cookies[Cookie] is { Length: 64 } existing && existing.All(char.IsAsciiHexDigitLower)
            ? existing
            : RandomNumberGenerator.GetHexString(64, lowercase: true);
        context.Response.Cookies.Append(Cookie, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            // Lax: the cookie must ride along when the site an Action redirected to sends the browser back to /continue.
            SameSite = SameSiteMode.Lax,
            MaxAge = SuspendedLogins.Lifetime,
            Path = "/",
        });
        return new ParkedReset(ticket, Runtime.TextHash.Sha256Hex(value));
    }

    /// <summary>Whether the link is still valid: not used, not expired, the password not changed since.</summary>
    public static async Task<bool> TicketValidAsync(UserManager<TenantUser> users, TenantUser user, string ticket) =>
        await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<TenantUser>.ResetPasswordTokenPurpose, ticket);

    /// <summary>The reset's user, when this browser parked it, the user may still sign in and the link still holds.</summary>
    public async Task<TenantUser?> ProvenUserAsync(HttpContext context, UserManager<TenantUser> users, string userId)
    {
        if (context.Request.Cookies[Cookie] is not { Length: > 0 } value
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Runtime.TextHash.Sha256Hex(value)), Encoding.ASCII.GetBytes(BrowserHash)))
            return null;
        return await users.FindByIdAsync(userId) is { Blocked: false } user && await TicketValidAsync(users, user, Ticket) ? user : null;
    }

}
