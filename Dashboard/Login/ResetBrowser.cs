using System.Security.Cryptography;
using System.Text;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// The HTTP side of a parked password reset (<see cref="ParkedReset"/>): the random HttpOnly cookie that binds it to
/// the browser that opened the link, and the check that this browser is that one and the link still holds.
/// </summary>
internal static class ResetBrowser
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
            MaxAge = ParkedLogins.Lifetime,
            Path = "/",
        });
        return new ParkedReset(ticket, Runtime.TextHash.Sha256Hex(value));
    }

    /// <summary>Whether the link is still valid: not used, not expired, the password not changed since.</summary>
    public static async Task<bool> TicketValidAsync(UserManager<TenantUser> users, TenantUser user, string ticket) =>
        await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<TenantUser>.ResetPasswordTokenPurpose, ticket);

    /// <summary>The reset's user, when this browser parked it, the user may still sign in and the link still holds.</summary>
    public static async Task<TenantUser?> ProvenUserAsync(HttpContext context, UserManager<TenantUser> users, ParkedReset reset, string userId)
    {
        if (context.Request.Cookies[Cookie] is not { Length: > 0 } value
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Runtime.TextHash.Sha256Hex(value)), Encoding.ASCII.GetBytes(reset.BrowserHash)))
            return null;
        return await users.FindByIdAsync(userId) is { Blocked: false } user && await TicketValidAsync(users, user, reset.Ticket) ? user : null;
    }
}
