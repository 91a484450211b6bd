using System.Text;
using Flowgate.Runtime.Applications;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// Signs an access token for an HS256 API with that API's secret, as on Auth0 (<c>alg: HS256</c>, no <c>kid</c>),
/// machine-to-machine and end-user tokens alike. Runs after OpenIddict chose its RSA credentials and swaps them; every
/// other token (codes, refresh and ID tokens, which OpenIddict or the application reads back) keeps them.
/// </summary>
internal sealed class ApiSigningCredentials(ResourceServerService apis) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseScopedHandler<ApiSigningCredentials>()
        .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.TokenType != OpenIddictConstants.TokenTypeIdentifiers.AccessToken || context.IsReferenceToken
            || context.Principal?.GetAudiences() is not { IsDefaultOrEmpty: false } audiences)
            return;
        if (await apis.HmacSecretForAsync(audiences, context.CancellationToken) is { } secret)
            context.SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256);
    }
}
