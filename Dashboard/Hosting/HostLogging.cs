namespace Flowgate.Dashboard.Hosting;

/// <summary>Tells the operator where the dashboard is once the server listens.</summary>
internal static class HostLogging
{
    public static WebApplication AnnounceAddresses(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Flowgate");
            foreach (var address in app.Urls)
                logger.LogInformation("Flowgate dashboard: {Address}/", address.TrimEnd('/'));
        });
        return app;
    }
}
