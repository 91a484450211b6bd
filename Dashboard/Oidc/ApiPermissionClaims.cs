using System.Security.Claims;
using System.Text.Json;
using Flowgate.Runtime.Identity;
using OpenIddict.Abstractions;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// Auth0's RBAC on an end user's access token: with the API's <c>enforce_policies</c> on, its scopes are
/// limited to the user's permissions, and <c>access_token_authz</c> adds them as a <c>permissions</c> array.
/// </summary>
internal sealed class ApiPermissionClaims(UserPermissions permissions)
{
    public const string ClaimType = "permissions";

    public async Task ApplyAsync(ClaimsIdentity identity, string userId, string? audience, CancellationToken cancellationToken)
    {
        if (audience is null || await permissions.ForTokenAsync(userId, audience, identity.GetScopes(), cancellationToken) is not { } access)
            return;
        identity.SetScopes(access.Scopes);
        if (access.Permissions is { } held)
            // A JSON array even with one element or none, as Auth0 sends it.
            identity.SetClaim(ClaimType, JsonSerializer.SerializeToElement(held));
    }
}
