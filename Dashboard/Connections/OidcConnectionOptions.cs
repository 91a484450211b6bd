using Flowgate.Dashboard.Login;
using Flowgate.Runtime.Connections;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Flowgate.Dashboard.Connections;

/// <summary>
/// ASP.NET Core's OpenID Connect handler options for an <c>oidc</c> connection: the authorization code flow with PKCE
/// (<c>back_channel</c> adds the client secret at the token endpoint), the upstream <c>state</c>, nonce and correlation
/// cookie from the handler, the claims under their own names.
/// </summary>
internal sealed class OidcConnectionOptions(ConnectionSchemes schemes) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(OpenIdConnectOptions options) { }

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name is null || schemes.ForScheme(name) is not { Details.Strategy: ConnectionStrategies.Oidc } connection)
            return;
        var settings = connection.Details.Options;
        UpstreamRemote.Configure(options, connection);
        options.MetadataAddress = ConnectionOptions.Text(settings, ConnectionOptions.DiscoveryUrl);
        options.RequireHttpsMetadata = !UpstreamRemote.IsLoopback(options.MetadataAddress);
        options.ClientId = ConnectionOptions.Text(settings, ConnectionOptions.ClientId);
        if (ConnectionOptions.Text(settings, ConnectionOptions.Type) == ConnectionOptions.BackChannel)
            options.ClientSecret = connection.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        // A query response: the callback is a top-level GET, so Lax correlation and nonce cookies ride along.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.ClaimActions.MapAllExcept("aud", "iss", "iat", "nbf", "exp", "nonce", "c_hash", "at_hash");
        options.SaveTokens = false;
        options.Scope.Clear();
        foreach (var scope in UpstreamRemote.Scopes(settings))
            options.Scope.Add(scope);
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events.OnRemoteFailure = UpstreamRemote.FailAsync;
    }
}
