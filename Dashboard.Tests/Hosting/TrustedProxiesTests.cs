using System.Net;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Hosting;

/// <summary>
/// Behind a proxy, per-IP limits count the client's address from <c>X-Forwarded-For</c>, but only when the proxy is
/// configured: from anyone else the header is ignored, so a client cannot pick a fresh address for every guess.
/// </summary>
public sealed class TrustedProxiesTests
{
    [Fact]
    public async Task Behind_a_configured_proxy_two_clients_are_limited_separately()
    {
        using var app = KestrelApp.Start(settings: new Dictionary<string, string>
        {
            ["HostedLogin:RateLimit:PermitsPerMinute"] = "2", ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        });
        using var alice = Behind(app, "203.0.113.10");
        using var bob = Behind(app, "203.0.113.20");

        var aliceStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            aliceStatuses.Add(await WrongPasswordAsync(alice));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], aliceStatuses);
        Assert.Equal(HttpStatusCode.OK, await WrongPasswordAsync(bob));
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_forged_forwarded_address_changes_nothing()
    {
        using var app = KestrelApp.Start(settings: new Dictionary<string, string> { ["HostedLogin:RateLimit:PermitsPerMinute"] = "2" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var forger = Behind(app, "198.51.100." + (i + 1));
            statuses.Add(await WrongPasswordAsync(forger));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public void A_proxy_that_is_no_address_stops_the_start_and_names_the_setting()
    {
        using var app = new FlowgateApp(settings: new Dictionary<string, string> { ["ForwardedHeaders:KnownNetworks"] = "10.0.0.0/33" });

        Assert.Contains("ForwardedHeaders:KnownNetworks", Assert.ThrowsAny<Exception>(() => app.Services).ToString());
    }

    // A browser whose requests reach Flowgate through the proxy on 127.0.0.1, which names it in X-Forwarded-For.
    private static HttpClient Behind(FlowgateApp app, string clientAddress)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl()) };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return http;
    }

    private static async Task<HttpStatusCode> WrongPasswordAsync(HttpClient http) =>
        (await HtmlForm.SubmitAsync(http, "/u/login", new Dictionary<string, string> { ["Input.Email"] = "someone@example.com", ["Input.Password"] = "wrong password" })).StatusCode;
}
