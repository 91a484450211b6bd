using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Tenancy;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login.Branding;

/// <summary>
/// Branding over the Management API as Auth0 has it, and what the hosted login page does with it: hex colours into its
/// style, the logo into an image, the logo's origin (and only it) into the content security policy. What could inject
/// CSS, markup or script is refused by the API and, should it be in the database anyway, left out of the page.
/// </summary>
public sealed class BrandingApiTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task Branding_set_over_the_api_colours_the_login_page_shows_the_logo_and_opens_the_csp_to_its_origin_only()
    {
        var api = await _app.CreateManagementClientAsync("read:branding update:branding");
        var patched = await (await api.PatchAsJsonAsync("/api/v2/branding", new
        {
            colors = new { primary = "#0059d6", page_background = "#101820" },
            logo_url = "https://cdn.example.com/brand/logo.png",
        })).JsonAsync();
        Assert.Equal("#0059d6", patched.GetProperty("colors").GetProperty("primary").GetString());
        // A second PATCH changes only what it names.
        await (await api.PatchAsJsonAsync("/api/v2/branding", new { colors = new { page_background = "#ffffff" } })).JsonAsync();
        var read = await api.GetFromJsonAsync<JsonObject>("/api/v2/branding");
        Assert.Equal("#0059d6", read!["colors"]!["primary"]!.GetValue<string>());
        Assert.Equal("#ffffff", read["colors"]!["page_background"]!.GetValue<string>());
        Assert.Equal("https://cdn.example.com/brand/logo.png", read["logo_url"]!.GetValue<string>());

        var spa = await _app.CreateSpaAsync();
        var page = await LoginPageAsync(spa.ClientId);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("--brand-primary:#0059d6;", html);
        Assert.Contains("--brand-background:#ffffff;", html);
        Assert.Contains("src=\"https://cdn.example.com/brand/logo.png\"", html);
        // Blazor adds its own frame-ancestors policy beside Flowgate's: the browser enforces both.
        var csp = string.Join(", ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: https://cdn.example.com;", csp);
        Assert.DoesNotContain("https:;", csp);

        // Back to the defaults: null removes a value.
        await (await api.PatchAsJsonAsync("/api/v2/branding", new JsonObject { ["colors"] = null, ["logo_url"] = null })).JsonAsync();
        var plain = await (await LoginPageAsync(spa.ClientId)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("--brand-primary", plain);
        Assert.DoesNotContain("cdn.example.com", plain);
    }

    [Theory]
    [InlineData("""{"colors":{"primary":"red;}body{display:none"}}""", "colors.primary must be a hex colour")]
    [InlineData("""{"colors":{"page_background":"#12345"}}""", "colors.page_background must be a hex colour")]
    [InlineData("""{"colors":{"page_background":{"type":"linear-gradient","start":"#000","end":"#fff","angle_deg":35}}}""", "not a gradient")]
    [InlineData("""{"logo_url":"javascript:alert(1)"}""", "logo_url must be an https URL")]
    [InlineData("""{"logo_url":"http://cdn.example.com/logo.png"}""", "logo_url must be an https URL")]
    [InlineData("""{"logo_url":"//evil.example/logo.png"}""", "logo_url must be an https URL")]
    [InlineData("""{"favicon_url":"https://cdn.example.com/x.png\"><script>alert(1)</script>"}""", "favicon_url must be an https URL")]
    [InlineData("""{"font":{"url":"https://fonts.example.com/a.woff2\");}*{x:url(\""}}""", "font.url must be an https URL")]
    [InlineData("""{"logo_url":42}""", "must be a string")]
    [InlineData("""{"theme":"dark"}""", "Additional properties not allowed: theme")]
    public async Task Values_that_could_inject_css_markup_or_script_are_400s_naming_the_field(string body, string reason)
    {
        var api = await _app.CreateManagementClientAsync("read:branding update:branding");
        var before = await api.GetStringAsync("/api/v2/branding");

        var response = await api.PatchAsync("/api/v2/branding", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(400, reason);
        Assert.Equal(before, await api.GetStringAsync("/api/v2/branding"));
    }

    [Fact]
    public async Task Reading_and_changing_branding_need_their_scopes()
    {
        var reader = await _app.CreateManagementClientAsync("read:users");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/v2/branding")).StatusCode);
        var readOnly = await _app.CreateManagementClientAsync("read:branding");
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PatchAsJsonAsync("/api/v2/branding", new { logo_url = "https://cdn.example.com/x.png" })).StatusCode);
    }

    [Fact]
    public async Task Values_stored_around_the_api_are_checked_again_before_they_reach_the_page()
    {
        // As if the database had been written by hand or by an older version: nothing of it may reach the page raw.
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TenantSettingsSection>().WriteAsync("branding", new JsonObject
            {
                ["colors"] = new JsonObject { ["primary"] = "red}</style><script>alert(1)</script>" },
                ["logo_url"] = "\"><script>alert(2)</script>",
                ["font"] = new JsonObject { ["url"] = "https://f.example.com/a.woff2\"){}</style><script>alert(3)</script>" },
            }, CancellationToken.None);
        try
        {
            var spa = await _app.CreateSpaAsync();
            var html = await (await LoginPageAsync(spa.ClientId)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("--brand-primary", html);
            Assert.DoesNotContain("@font-face", html);
            Assert.DoesNotContain("alert(2)", html);
            Assert.DoesNotContain("data-test=\"brand-logo\"", html);
        }
        finally
        {
            await using var scope = _app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TenantSettingsSection>().WriteAsync("branding", [], CancellationToken.None);
        }
    }

    private async Task<HttpResponseMessage> LoginPageAsync(string clientId)
    {
        var http = _app.CreateBrowserClient();
        var authorize = await http.GetAsync(HostedLogin.AuthorizeUrl(clientId, HostedLogin.Verifier, "s1"));
        var page = await http.GetAsync(authorize.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return page;
    }
}
