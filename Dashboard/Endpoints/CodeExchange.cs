using Flowgate.Dashboard.Login;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Endpoints;

/// <summary>
/// Authorization code and refresh token grants: OpenIddict has validated the code (and its PKCE verifier) or the
/// refresh token; the user must still exist, not be blocked, and have the security stamp the grant was issued
/// under (a password change, a block or a factor reset ends it). A refresh runs the post-login flow again.
/// </summary>
internal sealed class CodeExchange(UserManager<TenantUser> users, RefreshLogin refresh)
{
    public async Task<IResult> HandleAsync(HttpContext context, OpenIddictRequest request)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = result.Principal
            ?? throw new InvalidOperationException("OpenIddict validated the grant but produced no principal.");
        var user = await users.FindByIdAsync(principal.GetClaim(Claims.Subject) ?? "");
        if (user is null)
            return OidcErrors.Forbid(Errors.InvalidGrant, "The user no longer exists.");
        if (user.Blocked)
            return OidcErrors.Forbid(Errors.InvalidGrant, "The user is blocked.");
        if (!SessionStamp.Matches(user, principal.GetClaim(SessionStamp.ClaimType)))
            return OidcErrors.Forbid(Errors.InvalidGrant, "The grant is no longer valid: the user's password, status or factors changed since it was issued. Log in again.");
        if (!request.IsRefreshTokenGrantType())
            return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

        var step = await refresh.RunAsync(context, request, principal, user);
        return step.Principal is { } refreshed
            ? Results.SignIn(refreshed, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : OidcErrors.Forbid(step.Error!, step.Description!);
    }
}
