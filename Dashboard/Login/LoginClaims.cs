using System.Security.Claims;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// Builds the principal OpenIddict turns into tokens: Auth0's profile claims, placed in the ID token
/// by the scopes granted (<c>profile</c>, <c>email</c>), with the subject in every token.
/// </summary>
internal sealed class LoginClaims(ApiPermissionClaims permissions)
{
    /// <param name="roles">The user's roles, read once by the caller (the post-login event needs them too).</param>
    public async Task<ClaimsIdentity> CreateAsync(TenantUser user, IReadOnlyList<string> roles, IEnumerable<string> scopes, string? audience)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, user.EmailConfirmed)
            .SetClaim(Claims.Name, user.Name ?? user.Email)
            .SetClaim(Claims.Nickname, user.Nickname ?? user.Email?.Split('@')[0])
            .SetClaim(Claims.Picture, user.Picture)
            .SetClaim(Claims.UpdatedAt, user.UpdatedAt.ToUnixTimeSeconds())
            // No destination: only in the code and refresh token, for the token endpoint to compare.
            .SetClaim(SessionStamp.ClaimType, SessionStamp.Of(user));
        identity.SetClaims(Claims.Role, [.. roles]);
        identity.SetScopes(scopes);
        if (audience is not null)
            identity.SetResources(audience);
        await permissions.ApplyAsync(identity, user.Id, audience, CancellationToken.None);
        identity.SetDestinations(claim => Destinations(claim, identity));
        return identity;
    }

    private static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity) => claim.Type switch
    {
        Claims.Subject => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name or Claims.Nickname or Claims.Picture or Claims.UpdatedAt when identity.HasScope(Scopes.Profile) => [OpenIddictConstants.Destinations.IdentityToken],
        ApiPermissionClaims.ClaimType => [OpenIddictConstants.Destinations.AccessToken],
        Claims.Email or Claims.EmailVerified when identity.HasScope(Scopes.Email) => [OpenIddictConstants.Destinations.IdentityToken],
        _ => [],
    };
}
