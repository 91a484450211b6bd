using System.Net;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Runtime.Geo;

/// <summary>
/// A host with the real city database whose in-memory requests come from the address a test names in
/// <see cref="ClientAddressHeader"/> (what the TCP connection would carry; Flowgate trusts no forwarding header).
/// </summary>
public sealed class GeoIpAppFixture : IAsyncLifetime
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public FlowgateApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = await GeoIpDatabase.PathAsync();
        App = new FlowgateApp(services: s => s.AddSingleton<IStartupFilter, ClientAddressFromTest>(),
            settings: new Dictionary<string, string> { ["GeoIp:DatabasePath"] = database });
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private sealed class ClientAddressFromTest : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address))
                    context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
