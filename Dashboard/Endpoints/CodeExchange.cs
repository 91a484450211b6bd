using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Endpoints;

/// <summary>
/// Authorization code and refresh token grants: OpenIddict has validated the code (and its PKCE
/// verifier) or the refresh token; the user must still exist and not be blocked.
/// </summary>
internal sealed class CodeExchange(UserManager<TenantUser> users)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = result.Principal
            ?? throw new InvalidOperationException("OpenIddict validated the grant but produced no principal.");
        var user = await users.FindByIdAsync(principal.GetClaim(Claims.Subject) ?? "");
        if (user is null)
            return OidcErrors.Forbid(Errors.InvalidGrant, "The user no longer exists.");
        if (user.Blocked)
            return OidcErrors.Forbid(Errors.InvalidGrant, "The user is blocked.");
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
