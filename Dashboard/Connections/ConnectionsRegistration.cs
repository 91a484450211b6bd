using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Connections;

/// <summary>Logins through upstream providers: schemes registered per connection at run time, their options, the endpoints around them.</summary>
internal static class ConnectionsRegistration
{
    public static WebApplicationBuilder AddConnections(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ConnectionSchemes>();
        builder.Services.AddScoped<ConnectionSignIn>();
        builder.Services.AddSingleton<ConnectionEvent>();
        builder.Services.AddScoped<PrimaryUserSwitch>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, OidcConnectionOptions>();
        builder.Services.AddSingleton<IConfigureOptions<OAuthOptions>, OAuthConnectionOptions>();
        // What AddOpenIdConnect and AddOAuth would register: the handlers' own defaults (metadata, state protection).
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OAuthOptions>, OAuthPostConfigureOptions<OAuthOptions, OAuthHandler<OAuthOptions>>>());
        return builder;
    }

    /// <summary>Brings the schemes up to date before authentication handles a callback.</summary>
    public static IApplicationBuilder UseConnectionSchemes(this IApplicationBuilder app) => app.UseMiddleware<ConnectionSchemeRefresh>();
}
