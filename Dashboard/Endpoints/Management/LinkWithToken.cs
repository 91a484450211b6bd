using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Auth0's <c>link_with</c>: an ID token of the secondary user, issued by this tenant, names the user to link. Its
/// signature (the tenant's signing keys), issuer and lifetime are checked; its subject is the user.
/// </summary>
internal sealed class LinkWithToken(ServerKeyRing keys, IssuerResolver issuers)
{
    /// <summary>The subject (user id) of a valid ID token of this tenant; null when the token is not one.</summary>
    public async Task<string?> SubjectAsync(string token)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuers.Resolve(),
            IssuerSigningKeys = keys.GetOrCreate(ServerKeyUse.Signing),
            // Any of the tenant's applications: the caller already holds update:users over every user.
            ValidateAudience = false,
            ValidateLifetime = true,
        });
        return result.IsValid && result.ClaimsIdentity.FindFirst("sub")?.Value is { Length: > 0 } subject ? subject : null;
    }
}
