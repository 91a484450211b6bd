using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// The claims of an end user's session cookie: id, user name, email and security stamp, read from the user already in
/// hand. Identity's role-aware factory also read the user's roles, each role's claims and the user's own claims on every
/// sign-in (two queries, and two more per role) for claims nothing reads: <c>/authorize</c> reads the roles afresh
/// when it issues tokens, and Flowgate keeps no claims in Identity's claims table.
/// </summary>
public sealed class SessionPrincipalFactory(UserManager<TenantUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TenantUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TenantUser user)
    {
        var names = Options.ClaimsIdentity;
        // The same authentication type as Identity's own factory: the cookie handler and the stamp validator expect it.
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, names.UserNameClaimType, names.RoleClaimType);
        identity.AddClaim(new Claim(names.UserIdClaimType, await UserManager.GetUserIdAsync(user)));
        if (await UserManager.GetUserNameAsync(user) is { } userName)
            identity.AddClaim(new Claim(names.UserNameClaimType, userName));
        if (await UserManager.GetEmailAsync(user) is { } email)
            identity.AddClaim(new Claim(names.EmailClaimType, email));
        identity.AddClaim(new Claim(names.SecurityStampClaimType, await UserManager.GetSecurityStampAsync(user)));
        return identity;
    }
}
