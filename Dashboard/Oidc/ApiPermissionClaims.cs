using System.Security.Claims;
using System.Text.Json;
using Flowgate.Runtime.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// An end user's access token for an API, as on Auth0: its audience is the API (plus <c>/userinfo</c> when
/// <c>openid</c> is asked), its scopes are those asked that the API defines (limited to the user's permissions with
/// <c>enforce_policies</c>) and the OpenID Connect ones, <c>offline_access</c> only when the API allows refresh
/// tokens, its lifetime is the API's, and <c>access_token_authz</c> adds a <c>permissions</c> array.
/// </summary>
internal sealed class ApiPermissionClaims(UserPermissions permissions, IssuerResolver issuer)
{
    public const string ClaimType = "permissions";

    public async Task ApplyAsync(ClaimsIdentity identity, string userId, string? audience, CancellationToken cancellationToken)
    {
        if (audience is null)
            return;
        if (await permissions.ForTokenAsync(userId, audience, identity.GetScopes(), cancellationToken) is not { } access)
        {
            // The API was deleted after the grant (a refresh): the token is for /userinfo only, with nothing of the API.
            identity.SetResources(Array.Empty<string>());
            identity.SetScopes(identity.GetScopes().Where(UserPermissions.IsOidcScope));
            return;
        }
        identity.SetScopes(access.Scopes);
        identity.SetResources(identity.HasScope(Scopes.OpenId) ? [audience, issuer.Resolve() + "userinfo"] : [audience]);
        identity.SetAccessTokenLifetime(access.Lifetime);
        if (access.Permissions is { } held)
        {
            // A JSON array even with one element or none, as Auth0 sends it.
            identity.RemoveClaims(ClaimType);
            identity.AddClaim(JsonClaims.Create(ClaimType, JsonSerializer.SerializeToElement(held)));
        }
    }
}
