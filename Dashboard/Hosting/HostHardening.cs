using Flowgate.Dashboard.Oidc;
using Microsoft.AspNetCore.CookiePolicy;

namespace Flowgate.Dashboard.Hosting;

/// <summary>What every response and cookie must be, whatever endpoint wrote it.</summary>
internal static class HostHardening
{
    /// <summary>No <c>Server</c> header; in Production every cookie is <c>Secure</c>, even behind a proxy that forwards plain http; forwarded headers from configured proxies only.</summary>
    public static WebApplicationBuilder AddHostHardening(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var production = builder.Environment.IsProduction();
        builder.Services.Configure<CookiePolicyOptions>(cookies =>
            cookies.Secure = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        builder.AddTrustedProxies();
        return builder;
    }

    /// <summary>
    /// The client's address from a configured proxy, then security headers, the issuer's host only, and the cookie
    /// policy, first in the pipeline so error answers carry them too.
    /// </summary>
    public static WebApplication UseHostHardening(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<IssuerHostFilter>();
        app.UseCookiePolicy();
        return app;
    }
}
