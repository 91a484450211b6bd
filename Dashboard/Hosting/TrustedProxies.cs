using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Flowgate.Dashboard.Hosting;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, believed only from the proxies the operator names
/// (<c>ForwardedHeaders:KnownProxies</c>, addresses; <c>ForwardedHeaders:KnownNetworks</c>, CIDR ranges). Without them
/// the headers are ignored, whoever sends them, even with <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> (which would
/// believe anyone): a client could otherwise pick the address its per-IP limits count against.
/// </summary>
internal static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var proxies = Entries(builder.Configuration, "KnownProxies").Select(entry => IPAddress.TryParse(entry, out var address) ? address : throw Invalid("KnownProxies", entry, "an IP address")).ToList();
        var networks = Entries(builder.Configuration, "KnownNetworks").Select(entry => System.Net.IPNetwork.TryParse(entry, out var network) ? network : throw Invalid("KnownNetworks", entry, "a CIDR range such as 10.0.0.0/8")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Registered after the host's own defaults, so this wins over ASPNETCORE_FORWARDEDHEADERS_ENABLED's "anyone".
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (proxies.Count + networks.Count == 0)
            {
                options.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            // Walks back through a chain of known proxies and stops at the first address that is not one: that is the client.
            options.ForwardLimit = null;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so limits, logs and the scheme see the client's values.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    // A list (ForwardedHeaders:KnownProxies:0, ...) or one value separated by ';' or ',' (one environment variable).
    private static IEnumerable<string> Entries(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(Section).GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static InvalidOperationException Invalid(string key, string entry, string expected) =>
        new($"{Section}:{key} has \"{entry}\", which is not {expected}.");
}
