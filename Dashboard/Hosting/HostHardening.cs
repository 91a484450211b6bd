using Microsoft.AspNetCore.CookiePolicy;

namespace Flowgate.Dashboard.Hosting;

/// <summary>What every response and cookie must be, whatever endpoint wrote it.</summary>
internal static class HostHardening
{
    /// <summary>No <c>Server</c> header; in Production every cookie is <c>Secure</c>, even behind a proxy that forwards plain http.</summary>
    public static WebApplicationBuilder AddHostHardening(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var production = builder.Environment.IsProduction();
        builder.Services.Configure<CookiePolicyOptions>(cookies =>
            cookies.Secure = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>Security headers and the cookie policy, first in the pipeline so error answers carry them too.</summary>
    public static WebApplication UseHostHardening(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseCookiePolicy();
        return app;
    }
}
