using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Hosting;

/// <summary>What a browser is told on every page: no framing, no sniffing, no full-URL referrers, and in Production HSTS and Secure cookies.</summary>
public sealed class SecurityHeadersTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public SecurityHeadersTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Theory]
    [InlineData("/u/reset-password")]
    [InlineData("/account/login")]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_forbids_framing_and_sniffing_and_trims_the_referrer(string path)
    {
        var response = await _app.CreateBrowserClient().GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Null(Header(response, "Strict-Transport-Security")); // not in Development or tests: localhost stays usable over http
    }

    [Fact]
    public async Task Hosted_pages_run_only_this_origins_scripts()
    {
        var csp = Header(await _app.CreateBrowserClient().GetAsync("/u/reset-password"), "Content-Security-Policy")!;

        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
    }

    [Fact]
    public async Task Kestrel_does_not_name_itself()
    {
        using var app = KestrelApp.Start();
        using var http = new HttpClient();

        var response = await http.GetAsync(app.BaseUrl() + "/u/reset-password");

        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Production_sends_hsts_and_marks_every_cookie_secure_even_over_plain_http()
    {
        using var app = new FlowgateApp(settings: new Dictionary<string, string> { ["environment"] = "Production", ["Oidc:Issuer"] = "http://localhost/" });

        var response = await app.CreateBrowserClient().GetAsync("/u/reset-password");

        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;
}
