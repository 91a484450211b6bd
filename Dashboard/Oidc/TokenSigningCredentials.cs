using System.Collections.Frozen;
using System.Text;
using Flowgate.Runtime.Applications;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// Picks the key a token is signed with, after OpenIddict's choice. Only what this server reads back (codes, refresh
/// tokens) keeps the internal symmetric key OpenIddict prefers (see <see cref="ServerKeysSetup"/>); every other token
/// leaves the server and is signed with the RSA key of the JWKS, and an access token for an HS256 API with that API's
/// secret, as on Auth0 (<c>alg: HS256</c>, no <c>kid</c>), machine-to-machine and end-user tokens alike.
/// </summary>
internal sealed class TokenSigningCredentials(ResourceServerService apis) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseScopedHandler<TokenSigningCredentials>()
        .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    // A list of what may stay internal, not of what must not: a token type this list does not know leaves on RSA.
    private static readonly FrozenSet<string> ReadBackByThisServer = FrozenSet.Create(
        TokenTypeIdentifiers.Private.AuthorizationCode, TokenTypeIdentifiers.RefreshToken, TokenTypeIdentifiers.Private.DeviceCode,
        TokenTypeIdentifiers.Private.UserCode, TokenTypeIdentifiers.Private.RequestToken);

    public async ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (ReadBackByThisServer.Contains(context.TokenType))
            return;
        context.SigningCredentials = context.Options.SigningCredentials.First(credentials => credentials.Key is AsymmetricSecurityKey);
        if (context.TokenType != TokenTypeIdentifiers.AccessToken || context.IsReferenceToken
            || context.Principal?.GetAudiences() is not { IsDefaultOrEmpty: false } audiences)
            return;
        if (await apis.HmacSecretForAsync(audiences, context.CancellationToken) is { } secret)
            context.SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256);
    }
}
