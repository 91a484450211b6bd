using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Infrastructure;

/// <summary>A <see cref="FlowgateApp"/> listening on a real loopback port, for the browser.</summary>
public static class KestrelApp
{
    public static FlowgateApp Start(Action<IServiceCollection>? services = null)
    {
        var app = new FlowgateApp(services: services) { IssuerFromAddress = true };
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    /// <summary>
    /// The same, for a browser at <c>http://localhost:{port}</c> (WebAuthn: 127.0.0.1 is no valid RP id). The issuer
    /// is configured as that address, as an operator would, since the RP id and allowed hosts follow the issuer.
    /// </summary>
    public static FlowgateApp StartOnLocalhost(Action<IServiceCollection>? services = null)
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var app = new FlowgateApp(services: services, settings: new Dictionary<string, string> { ["Oidc:Issuer"] = $"http://localhost:{port}/", ["AllowedHosts"] = "localhost;127.0.0.1" });
        app.UseKestrel(port);
        app.StartServer();
        return app;
    }

    /// <summary>The same over https on 127.0.0.1, serving <paramref name="certificate"/>.</summary>
    public static FlowgateApp StartHttps(X509Certificate2 certificate)
    {
        var app = new FlowgateApp { IssuerFromAddress = true };
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        app.StartServer();
        return app;
    }

    /// <summary>The address the browser uses (the first Kestrel address).</summary>
    public static string BaseUrl(this FlowgateApp app) => app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
}
