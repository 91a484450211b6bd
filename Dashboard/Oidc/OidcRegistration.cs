using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Keys;
using Flowgate.Runtime.Store;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Oidc;

/// <summary>OpenIddict as the protocol engine, at Auth0's paths, in pass-through mode.</summary>
internal static class OidcRegistration
{
    public static WebApplicationBuilder AddOidcServer(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(OidcOptions.Section);
        var production = builder.Environment.IsProduction();
        builder.Services.AddOptions<OidcOptions>().Bind(section)
            .Validate(o => !production || o.Issuer is { IsAbsoluteUri: true }, OidcOptions.IssuerRequired)
            .ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, ApplicationOriginsCors>();
        var oidc = section.Get<OidcOptions>() ?? new OidcOptions();
        var requireHttps = oidc.RequireHttps ?? !builder.Environment.IsDevelopment();

        builder.Services.AddSingleton<ServerKeyRing>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IssuerResolver>();
        builder.Services.AddScoped<AuthorizeAudience>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeysSetup>();

        builder.Services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore()
                    .UseDbContext<FlowgateDbContext>()
                    .ReplaceDefaultEntities<FlowgateApplication, FlowgateAuthorization, FlowgateScope, FlowgateToken, string>();
                // A machine client's secret is derived (PBKDF2) once per few minutes, not on every token request.
                core.ReplaceApplicationManager<FlowgateApplication, VerifiedClientSecrets>();
            })
            .AddServer(server =>
            {
                if (oidc.Issuer is not null)
                    server.SetIssuer(oidc.Issuer);
                // Without Oidc:Issuer, the issuer is the listening address (see IssuerResolver), never the Host header.
                server.AddEventHandler(IssuerBaseUri.Descriptor);

                // Auth0's paths, so its SDKs and tutorials work unchanged.
                server.SetAuthorizationEndpointUris("authorize")
                    .SetTokenEndpointUris("oauth/token")
                    .SetUserInfoEndpointUris("userinfo")
                    .SetEndSessionEndpointUris("v2/logout", "oidc/logout")
                    .SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks.json");

                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow();

                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.OfflineAccess);

                // API scopes (read:actions, ...) and Auth0's `audience` parameter are checked against the
                // client grant by the token endpoint itself; OpenIddict only accepts `audience` for token exchange.
                server.DisableScopeValidation();
                server.IgnoreAudiencePermissions();
                server.IgnoreScopePermissions();
                server.RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateAudienceParameter.Descriptor);
                server.RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateAudiences.Descriptor);
                // At /authorize too, as on Auth0: AuthorizeAudience checks `audience` (or `resource`) against the APIs.
                server.RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateAudienceParameter.Descriptor);
                server.DisableResourceValidation();
                server.IgnoreResourcePermissions();

                // Access tokens are plain signed JWTs that any API can validate from the JWKS, as on Auth0.
                server.DisableAccessTokenEncryption();
                // Tokens that leave the server are signed with the JWKS's RSA key (an HS256 API's access tokens with its
                // secret, as on Auth0); codes and refresh tokens with the internal key.
                server.AddEventHandler(TokenSigningCredentials.Descriptor);
                // Access and ID tokens need no row in the database (revocation goes through the login's authorization):
                // one write less per grant, two per code exchange.
                server.AddEventHandler(SelfContainedTokenEntries.Descriptor);
                server.AddEventHandler(SelfContainedTokenEntries.Validation.Descriptor);
                // Claims keep the JSON type an Action gave them (arrays of one, empty arrays, null), as on Auth0.
                server.AddEventHandler(JsonClaimTokens.Writing);
                server.AddEventHandler(JsonClaimTokens.Reading);
                // /userinfo answers the ID token's custom claims too, as on Auth0.
                server.AddEventHandler(UserInfoClaims.Descriptor);
                // A refused /authorize that cannot go back to the application lands on the hosted error page, as on Auth0.
                server.AddEventHandler(HostedAuthorizeErrors.Descriptor);

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!requireHttps)
                    aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                // The Management API validates tokens with the server's own keys and issuer.
                validation.UseLocalServer();
                validation.AddEventHandler(ValidationIssuerBaseUri.Descriptor);
                validation.UseAspNetCore();
            });
        return builder;
    }
}
