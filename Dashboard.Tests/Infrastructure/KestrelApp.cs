namespace Flowgate.Tests.Infrastructure;

/// <summary>A <see cref="FlowgateApp"/> listening on a real loopback port, for the browser.</summary>
public static class KestrelApp
{
    public static FlowgateApp Start(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var app = new FlowgateApp(services: services);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    /// <summary>The address the browser uses (the first Kestrel address).</summary>
    public static string BaseUrl(this FlowgateApp app) => app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
}
