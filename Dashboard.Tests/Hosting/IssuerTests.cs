using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Email;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Login;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Hosting;

/// <summary>The issuer is configuration: a forged Host header changes no link, no discovery document, and is refused by default.</summary>
public sealed class IssuerTests : IClassFixture<FlowgateAppFixture>
{
    private const string Issuer = "https://login.example.com/";
    private readonly FlowgateApp _app;

    public IssuerTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_forged_host_is_refused_when_allowed_hosts_is_not_set()
    {
        var http = _app.CreateBrowserClient();
        http.DefaultRequestHeaders.Host = "evil.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/u/reset-password")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/.well-known/openid-configuration")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateBrowserClient().GetAsync("/.well-known/openid-configuration")).StatusCode);
    }

    [Fact]
    public async Task With_any_host_allowed_a_forged_host_still_gets_the_configured_issuer_in_the_mailed_link_and_discovery()
    {
        using var app = new FlowgateApp(settings: new Dictionary<string, string> { ["Oidc:Issuer"] = Issuer, ["AllowedHosts"] = "*" });
        var user = await app.CreateUserAsync();
        var http = app.CreateBrowserClient();
        http.DefaultRequestHeaders.Host = "evil.example";

        await ResetMail.RequestAsync(http, user.Email!);
        var discovery = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        var mail = app.Services.GetRequiredService<DevelopmentOutbox>().Messages.Single(m => m.To == user.Email);
        Assert.Contains(Issuer + "u/reset-password/confirm?", mail.Body);
        Assert.DoesNotContain("evil.example", mail.Body);
        Assert.Equal(Issuer, discovery.GetProperty("issuer").GetString());
        Assert.StartsWith(Issuer, discovery.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task Without_a_configured_issuer_discovery_names_the_address_the_server_listens_on()
    {
        using var app = KestrelApp.Start();
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl()) };
        var forged = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        forged.Headers.Host = "evil.example";

        var discovery = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal(app.BaseUrl() + "/", discovery.GetProperty("issuer").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public void Production_without_an_issuer_does_not_start_and_names_the_setting()
    {
        using var app = new FlowgateApp(settings: new Dictionary<string, string> { ["environment"] = "Production" }) { IssuerFromAddress = true };

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Oidc:Issuer is required in Production", failure.ToString());
    }
}
