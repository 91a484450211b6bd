using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Endpoints;

/// <summary><c>POST /oauth/token</c>: OpenIddict has validated the request and the client; Flowgate decides what to issue.</summary>
internal static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/oauth/token", HandleAsync).ExcludeFromDescription().DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, ClientCredentialsGrant clientCredentials, CodeExchange codes, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
            return await clientCredentials.HandleAsync(context, request, cancellationToken);

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
            return await codes.HandleAsync(context, request);

        return OidcErrors.Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }
}
