using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Flowgate.Dashboard.Endpoints;

/// <summary>Protocol errors returned through OpenIddict, so they reach the client in the protocol's own format.</summary>
internal static class OidcErrors
{
    public static IResult Forbid(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
