using System.Security.Claims;
using Flowgate.Runtime.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Flowgate.Dashboard.Admin;

/// <summary>
/// Every request with an administrator cookie checks its security stamp against the account's: a password change,
/// a removed factor or a sign-out elsewhere ends the session on its next request. (Admin traffic is light; one
/// primary-key read per request is the price of revocation that takes effect at once.)
/// </summary>
internal static class AdminSessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (await IsCurrentAsync(context.Principal, context.HttpContext.RequestServices.GetRequiredService<AdminAccountService>(), context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    /// <summary>Whether the principal's stamp is still its administrator's.</summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal, AdminAccountService admins, CancellationToken cancellationToken)
    {
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(AdminAuthentication.StampClaim);
        return id is not null && stamp is not null && await admins.SecurityStampAsync(id, cancellationToken) == stamp;
    }
}
