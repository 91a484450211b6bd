using System.Security.Claims;
using Flowgate.Runtime.Admin;
using Microsoft.AspNetCore.Authentication;

namespace Flowgate.Dashboard.Admin;

/// <summary>Issues and clears the administrator cookie.</summary>
internal static class AdminSignIn
{
    public static Task SignInAsync(HttpContext context, AdminAccount account)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id),
                new Claim(ClaimTypes.Name, account.Email),
                new Claim(ClaimTypes.Email, account.Email),
                new Claim(AdminAuthentication.AdminClaim, "true"),
            ],
            AdminAuthentication.Scheme);
        return context.SignInAsync(AdminAuthentication.Scheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(AdminAuthentication.Scheme);

    /// <summary>Only local paths are followed after sign-in. Prevents open redirects.</summary>
    public static string SafeReturnUrl(string? returnUrl) => Hosting.LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/";
}
