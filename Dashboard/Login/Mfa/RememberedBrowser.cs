using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Flowgate.Dashboard.Login.Mfa;

/// <summary>
/// "Remember this browser": a signed and encrypted, HttpOnly cookie per user that skips the challenge for
/// <see cref="Lifetime"/>, only where an Action allowed it. It names the factor it was earned with, so
/// resetting the user's enrolment forgets every browser.
/// </summary>
internal sealed class RememberedBrowser(IDataProtectionProvider provider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Flowgate.Mfa.RememberBrowser.v1").ToTimeLimitedDataProtector();

    public void Remember(HttpContext context, string userId, string factorId) =>
        context.Response.Cookies.Append(CookieName(userId), _protector.Protect(userId + "\n" + factorId, Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            // Lax: the cookie must ride along when an application sends the browser to /authorize.
            SameSite = SameSiteMode.Lax,
            MaxAge = Lifetime,
            Path = "/",
        });

    public bool IsRemembered(HttpContext context, string userId, string factorId)
    {
        if (context.Request.Cookies[CookieName(userId)] is not { Length: > 0 } value)
            return false;
        try
        {
            return _protector.Unprotect(value) == userId + "\n" + factorId;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    // One cookie per user (several may log in from one browser), named without revealing the user id.
    private static string CookieName(string userId) =>
        "flowgate.mfa-remember." + Runtime.TextHash.Sha256Hex(userId)[..16];
}
