using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// The custom claims Actions put in the ID token, also answered by <c>/userinfo</c> as on Auth0, with their JSON types.
/// They are kept on the login's authorization (the row every token of that login, refreshed ones included, points to),
/// written when a login or a refresh signs in, only when there are any.
/// </summary>
internal sealed class UserInfoClaims(IOpenIddictAuthorizationManager authorizations) : IOpenIddictServerHandler<ProcessSignInContext>
{
    private const string Property = "flowgate_userinfo";

    // Claims /userinfo computes from the user itself, by the access token's scopes.
    private static readonly HashSet<string> Profile =
        [Claims.Subject, Claims.Name, Claims.Nickname, Claims.Picture, Claims.UpdatedAt, Claims.Email, Claims.EmailVerified];

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseScopedHandler<UserInfoClaims>()
            // Once the login's authorization exists (created for a code, inherited by a refresh).
            .SetOrder(OpenIddictServerHandlers.AttachAuthorization.Descriptor.Order + 1)
            .Build();

    public async ValueTask HandleAsync(ProcessSignInContext context)
    {
        // The code exchange signs in the principal the login already stored; a refresh has run the login flow again.
        if (context.EndpointType is not (OpenIddictServerEndpointType.Authorization or OpenIddictServerEndpointType.Token)
            || context.EndpointType is OpenIddictServerEndpointType.Token && !context.Request!.IsRefreshTokenGrantType()
            || context.Principal?.GetAuthorizationId() is not { } id)
            return;
        var custom = context.Principal.Claims
            .Where(c => !Profile.Contains(c.Type) && ActionClaims.Allowed(c.Type) && c.HasDestination(Destinations.IdentityToken)).ToList();
        // A login's authorization is new and holds nothing yet: without custom claims there is nothing to read or write.
        if (custom.Count == 0 && context.EndpointType is OpenIddictServerEndpointType.Authorization)
            return;
        var authorization = await authorizations.FindByIdAsync(id, context.CancellationToken);
        if (authorization is null)
            return;
        var claims = new JsonObject();
        foreach (var claim in custom)
            claims[claim.Type] = JsonSerializer.SerializeToNode(JsonClaims.Value(claim));
        var properties = await authorizations.GetPropertiesAsync(authorization, context.CancellationToken);
        var kept = properties.TryGetValue(Property, out var existing) ? existing.GetRawText() : "{}";
        // A refresh whose Actions set the same claims again changes nothing.
        if (kept == claims.ToJsonString())
            return;
        var descriptor = new OpenIddictAuthorizationDescriptor();
        await authorizations.PopulateAsync(descriptor, authorization, context.CancellationToken);
        descriptor.Properties[Property] = JsonSerializer.SerializeToElement(claims);
        await authorizations.UpdateAsync(authorization, descriptor, context.CancellationToken);
    }

    /// <summary>The custom claims kept for the login an access token belongs to (none when it has no authorization).</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> ForAsync(ClaimsPrincipal accessToken, CancellationToken cancellationToken)
    {
        if (accessToken.GetAuthorizationId() is not { } id || await authorizations.FindByIdAsync(id, cancellationToken) is not { } authorization)
            return ImmutableDictionary<string, JsonElement>.Empty;
        var properties = await authorizations.GetPropertiesAsync(authorization, cancellationToken);
        return properties.TryGetValue(Property, out var kept)
            ? kept.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
            : ImmutableDictionary<string, JsonElement>.Empty;
    }
}
