using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// Auth0's <c>link_with</c>: an ID token of the secondary user names the user to link. It must be an ID token (not an
/// access token: OpenIddict types those <c>at+jwt</c>), signed with the tenant's keys, from the configured issuer,
/// unexpired, and issued to one of the tenant's applications; its subject is the user.
/// </summary>
internal sealed class LinkWithToken(ServerKeyRing keys, IssuerResolver issuers, IOpenIddictApplicationManager applications)
{
    /// <summary>The subject (user id) of a valid ID token of this tenant, or why the token is refused.</summary>
    public async Task<(string? Subject, string? Refusal)> SubjectAsync(string token, CancellationToken cancellationToken)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuers.Resolve(),
            IssuerSigningKeys = keys.GetOrCreate(ServerKeyUse.Signing),
            // OpenIddict's ID tokens are plain JWTs; its access tokens are at+jwt and would name a user just as well.
            ValidTypes = [JwtConstants.HeaderType],
            // Checked below: the audience must be an application of this tenant, which a static list cannot say.
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
        });
        if (!result.IsValid)
            return (null, Reason(result.Exception));
        var idToken = (JsonWebToken)result.SecurityToken;
        if (idToken.Audiences.SingleOrDefault() is not { Length: > 0 } audience
            || await applications.FindByClientIdAsync(audience, cancellationToken) is null)
            return (null, "it was not issued to an application of this tenant");
        return idToken.Subject is { Length: > 0 } subject ? (subject, null) : (null, "it names no user");
    }

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenInvalidTypeException => "it is not an ID token (an access token names no user to link)",
        SecurityTokenExpiredException => "it has expired",
        SecurityTokenInvalidIssuerException => "it was issued by another issuer",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "it is not signed with this tenant's keys",
        SecurityTokenNoExpirationException => "it has no expiry",
        _ => "it cannot be read",
    };
}
