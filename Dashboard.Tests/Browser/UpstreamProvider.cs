using Flowgate.Runtime.Applications;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Browser;

/// <summary>
/// A second Flowgate on 127.0.0.1 acting as the upstream OpenID Connect provider of a connection: the Flowgate under
/// test listens on localhost, so the two keep their session cookies apart in one browser.
/// </summary>
public sealed class UpstreamProvider : IDisposable
{
    public FlowgateApp App { get; } = KestrelApp.Start();

    public string DiscoveryUrl => App.BaseUrl() + "/.well-known/openid-configuration";

    /// <summary>A confidential application at the provider whose callback is <paramref name="callback"/>.</summary>
    public async Task<(string ClientId, string ClientSecret)> RegisterClientAsync(string callback)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApplicationService>().CreateAsync(new ApplicationSettings
        {
            Name = "Downstream " + Guid.NewGuid().ToString("N")[..6], AppType = ApplicationTypes.RegularWeb, Callbacks = [callback],
        }, CancellationToken.None);
        return (created.Application.ClientId, created.ClientSecret!);
    }

    public void Dispose() => App.Dispose();
}
