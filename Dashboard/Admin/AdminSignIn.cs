using System.Globalization;
using System.Security.Claims;
using Flowgate.Runtime.Admin;
using Microsoft.AspNetCore.Authentication;

namespace Flowgate.Dashboard.Admin;

/// <summary>
/// Issues and clears the administrator cookie. The session exists only once every step passed: after a right password
/// that needs a factor (or a first enrolment), only the pending cookie is issued, which opens the factor pages and nothing else.
/// </summary>
internal static class AdminSignIn
{
    /// <summary>The administrator session, stamped; <paramref name="factorAt"/> is when a factor last passed (for changes that need a fresh check).</summary>
    public static async Task SignInAsync(HttpContext context, AdminAccount account, DateTimeOffset? factorAt)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, account.Email),
            new(ClaimTypes.Email, account.Email),
            new(AdminAuthentication.AdminClaim, "true"),
            new(AdminAuthentication.StampClaim, account.SecurityStamp),
        ];
        if (factorAt is { } at)
            claims.Add(new Claim(AdminAuthentication.FactorAtClaim, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        await context.SignOutAsync(AdminAuthentication.PendingScheme);
        await context.SignInAsync(AdminAuthentication.Scheme, new ClaimsPrincipal(new ClaimsIdentity(claims, AdminAuthentication.Scheme)));
    }

    /// <summary>A right password that needs <paramref name="step"/> next: the pending cookie, no session.</summary>
    public static Task BeginAsync(HttpContext context, AdminAccount account, AdminSignInStep step) =>
        context.SignInAsync(AdminAuthentication.PendingScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id),
                new Claim(AdminAuthentication.StampClaim, account.SecurityStamp),
                new Claim(AdminAuthentication.StepClaim, step.ToString()),
            ],
            AdminAuthentication.PendingScheme)));

    /// <summary>The administrator waiting at <paramref name="step"/>, when the pending cookie says so (its stamp checked on the way in).</summary>
    public static async Task<AdminAccount?> PendingAsync(HttpContext context, AdminAccountService admins, AdminSignInStep step)
    {
        var pending = await context.AuthenticateAsync(AdminAuthentication.PendingScheme);
        if (pending.Principal is not { } principal || principal.FindFirstValue(AdminAuthentication.StepClaim) != step.ToString())
            return null;
        return await admins.FindAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, context.RequestAborted);
    }

    /// <summary>The signed-in administrator of this request, or null.</summary>
    public static async Task<AdminAccount?> CurrentAsync(HttpContext context, AdminAccountService admins) =>
        context.User.HasClaim(c => c.Type == AdminAuthentication.AdminClaim) && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? await admins.FindAsync(id, context.RequestAborted)
            : null;

    /// <summary>Whether the session's last factor check is recent enough to add or remove a factor.</summary>
    public static bool FactorIsFresh(ClaimsPrincipal user, TimeSpan within, DateTimeOffset now) =>
        long.TryParse(user.FindFirstValue(AdminAuthentication.FactorAtClaim), CultureInfo.InvariantCulture, out var at)
        && now - DateTimeOffset.FromUnixTimeSeconds(at) <= within;

    /// <summary>When this session's factor passed, if it did (kept when the session is re-issued).</summary>
    public static DateTimeOffset? FactorAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(AdminAuthentication.FactorAtClaim), CultureInfo.InvariantCulture, out var at) ? DateTimeOffset.FromUnixTimeSeconds(at) : null;

    /// <summary>
    /// Signs out by changing the administrator's security stamp: this cookie and every other session of theirs, open
    /// dashboard circuits included, stop being accepted (a copied cookie cannot outlive the sign-out).
    /// </summary>
    public static async Task SignOutAsync(HttpContext context)
    {
        if (context.User.HasClaim(c => c.Type == AdminAuthentication.AdminClaim) && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
            await context.RequestServices.GetRequiredService<AdminAccountService>().RotateSecurityStampAsync(id, context.RequestAborted);
        await context.SignOutAsync(AdminAuthentication.PendingScheme);
        await context.SignOutAsync(AdminAuthentication.Scheme);
    }

    /// <summary>Only local paths are followed after sign-in. Prevents open redirects.</summary>
    public static string SafeReturnUrl(string? returnUrl) => Hosting.LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/";
}
