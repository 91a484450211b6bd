using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Login.Branding;

/// <summary>
/// Custom texts per prompt and language over Auth0's custom-text endpoints, and the hosted pages reading them in the
/// request's language (ui_locales, then Accept-Language, then English), with the application's name filled in and
/// every text HTML-encoded.
/// </summary>
public sealed class CustomTextTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task French_texts_show_for_ui_locales_fr_and_for_a_french_browser_english_defaults_otherwise()
    {
        var api = await _app.CreateManagementClientAsync("read:prompts update:prompts");
        var texts = new JsonObject
        {
            ["login"] = new JsonObject { ["title"] = "Bienvenue", ["description"] = "Connectez-vous à ${clientName} pour continuer.", ["buttonText"] = "Continuer" },
        };
        var put = await (await api.PutAsJsonAsync("/api/v2/prompts/login/custom-text/fr", texts)).JsonAsync();
        Assert.Equal("Bienvenue", put.GetProperty("login").GetProperty("title").GetString());
        Assert.Equal("Continuer", (await api.GetFromJsonAsync<JsonObject>("/api/v2/prompts/login/custom-text/fr"))!["login"]!["buttonText"]!.GetValue<string>());
        Assert.Empty((await api.GetFromJsonAsync<JsonObject>("/api/v2/prompts/login/custom-text/de"))!);
        var spa = await _app.CreateSpaAsync();

        var french = await LoginPageAsync(spa.ClientId, "&ui_locales=fr-CA%20en");
        Assert.Contains("<h1>Bienvenue</h1>", french);
        Assert.Contains("Connectez-vous à My SPA pour continuer.", System.Net.WebUtility.HtmlDecode(french));
        Assert.Contains(">Continuer</button>", french);
        // A key the French texts leave out falls back to the default.
        Assert.Contains("Forgot your password?", french);

        var browser = await LoginPageAsync(spa.ClientId, "", acceptLanguage: "fr-FR,fr;q=0.9,en;q=0.5");
        Assert.Contains("<h1>Bienvenue</h1>", browser);

        var english = await LoginPageAsync(spa.ClientId, "", acceptLanguage: "de-DE");
        Assert.Contains("<h1>Welcome</h1>", english);
        Assert.Contains("Log in to My SPA to continue.", english);
    }

    [Fact]
    public async Task Markup_in_a_custom_text_is_shown_as_text_not_run()
    {
        var api = await _app.CreateManagementClientAsync("read:prompts update:prompts");
        await (await api.PutAsJsonAsync("/api/v2/prompts/signup/custom-text/it", new JsonObject
        {
            ["signup"] = new JsonObject { ["title"] = "<script>alert(1)</script>", ["description"] = "<img src=x onerror=alert(2)>" },
        })).JsonAsync();
        var spa = await _app.CreateSpaAsync();
        var http = _app.CreateBrowserClient();
        var returnUrl = Uri.EscapeDataString(HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s1") + "&ui_locales=it");

        var html = await http.GetStringAsync($"/u/signup?returnUrl={returnUrl}");

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Theory]
    [InlineData("/api/v2/prompts/not-a-prompt/custom-text/en", """{"login":{"title":"x"}}""", "Unknown prompt")]
    [InlineData("/api/v2/prompts/login/custom-text/en%22%3E", """{"login":{"title":"x"}}""", "is not a language tag")]
    [InlineData("/api/v2/prompts/login/custom-text/en", """{"login":"Welcome"}""", "must be an object of texts")]
    [InlineData("/api/v2/prompts/login/custom-text/en", """{"login":{"title":42}}""", "'login.title' must be a string")]
    [InlineData("/api/v2/prompts/login/custom-text/en", """["login"]""", "The body must be an object of screens")]
    [InlineData("/api/v2/prompts/login/custom-text/en", """{"login":{"ti tle":"x"}}""", "is not a text key")]
    public async Task Malformed_texts_are_400s_that_say_what_is_wrong(string path, string body, string reason)
    {
        var api = await _app.CreateManagementClientAsync("read:prompts update:prompts");

        var response = await api.PutAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(400, reason);
    }

    [Fact]
    public async Task A_text_longer_than_the_limit_is_refused_and_writing_needs_update_prompts()
    {
        var api = await _app.CreateManagementClientAsync("read:prompts update:prompts");
        var tooLong = new JsonObject { ["login"] = new JsonObject { ["title"] = new string('a', 2049) } };
        await (await api.PutAsJsonAsync("/api/v2/prompts/login/custom-text/es", tooLong)).AssertErrorAsync(400, "at most 2048 characters");

        var reader = await _app.CreateManagementClientAsync("read:prompts");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync("/api/v2/prompts/login/custom-text/es", new JsonObject())).StatusCode);
    }

    private async Task<string> LoginPageAsync(string clientId, string extraQuery, string? acceptLanguage = null)
    {
        var http = _app.CreateBrowserClient();
        if (acceptLanguage is not null)
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        var authorize = await http.GetAsync(HostedLogin.AuthorizeUrl(clientId, HostedLogin.Verifier, "s1") + extraQuery);
        return await http.GetStringAsync(authorize.Headers.Location);
    }
}
