using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// Issues access and ID tokens without a token entry in the database; codes and refresh tokens keep theirs (they are
/// redeemed once, and a refresh token is revoked by its entry). An access or ID token is a signed JWT that every API
/// validates from the keys alone; nothing reads its entry but this server's own checks, which the
/// <see cref="Validation"/> handler moves to the login's authorization.
/// </summary>
/// <remarks>
/// Measured here: a machine-to-machine grant's one INSERT was where concurrent token requests waited for SQLite's write
/// lock, and a code exchange wrote two such rows (access and ID token), never pruned. Revocation keeps working: a user's
/// token carries its login's authorization id, <see cref="Flowgate.Runtime.Login.UserSessionRevocation"/> revokes the authorization with the
/// tokens, and <see cref="Validation"/> has OpenIddict check that authorization where it checked the token's entry
/// (<c>/userinfo</c>; an <c>id_token_hint</c> at logout is read from its signature either way, as before). A
/// client_credentials token has no authorization and no user session to end.
/// </remarks>
internal sealed class SelfContainedTokenEntries : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseSingletonHandler<SelfContainedTokenEntries>()
        .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 1_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        // A reference token lives only in its entry; Flowgate issues none, but such a token must keep it.
        if (context.TokenType is TokenTypeIdentifiers.AccessToken or TokenTypeIdentifiers.IdentityToken && !context.IsReferenceToken
            && (context.Principal.GetAuthorizationId() is not null || context.Request?.IsClientCredentialsGrantType() == true))
            context.CreateTokenEntry = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// When a token without an entry comes back, its login's authorization is checked by OpenIddict's own
    /// <c>ValidateAuthorizationEntry</c>, which otherwise learns the authorization id only from the token entry: a
    /// revoked login's access tokens are refused as they were when their entries were revoked with it.
    /// </summary>
    public sealed class Validation : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<Validation>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateAuthorizationEntry.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.Principal is { } principal && string.IsNullOrEmpty(context.TokenId) && string.IsNullOrEmpty(context.AuthorizationId)
                && principal.GetTokenType() is TokenTypeIdentifiers.AccessToken or TokenTypeIdentifiers.IdentityToken)
                context.AuthorizationId = principal.GetAuthorizationId();
            return ValueTask.CompletedTask;
        }
    }
}
