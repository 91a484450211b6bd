using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Buffers.Text;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Tests.Login;

public sealed class AuthorizationCodeFlowTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public AuthorizationCodeFlowTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_spa_logs_a_user_in_with_pkce_and_gets_id_access_and_refresh_tokens()
    {
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var http = Browser();
        var (verifier, challenge) = Pkce();

        var login = await http.GetAsync(AuthorizeUrl(spa.ClientId, challenge, "openid profile email offline_access"));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/u/login", login.Headers.Location!.OriginalString.Split('?')[0]);
        var loginPage = await http.GetStringAsync(login.Headers.Location);
        Assert.Contains("My SPA", loginPage);

        var loggedIn = await HtmlForm.SubmitAsync(http, login.Headers.Location.OriginalString, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = "correct horse battery",
        });
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        var callback = await http.GetAsync(loggedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.StartsWith(EndUsers.Callback, callback.Headers.Location!.ToString());
        var query = QueryHelpers.ParseQuery(callback.Headers.Location.Query);
        Assert.Equal("state-123", query["state"].ToString());

        var tokens = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = spa.ClientId, ["code"] = query["code"].ToString(),
            ["redirect_uri"] = EndUsers.Callback, ["code_verifier"] = verifier,
        }));
        Assert.True(tokens.IsSuccessStatusCode, await tokens.Content.ReadAsStringAsync());
        var body = await tokens.Content.ReadFromJsonAsync<JsonElement>();
        var idToken = new JwtSecurityTokenHandler().ReadJwtToken(body.GetProperty("id_token").GetString());
        Assert.Equal(user.Id, idToken.Subject);
        Assert.Equal(user.Email, idToken.Claims.Single(c => c.Type == "email").Value);
        Assert.Equal("Jane Smith", idToken.Claims.Single(c => c.Type == "name").Value);
        Assert.Equal("nonce-456", idToken.Claims.Single(c => c.Type == "nonce").Value);
        Assert.Equal([spa.ClientId], idToken.Audiences);

        var userInfo = new HttpRequestMessage(HttpMethod.Get, "/userinfo");
        userInfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        var profile = await (await http.SendAsync(userInfo)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(user.Email, profile.GetProperty("email").GetString());

        var refreshed = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = spa.ClientId, ["refresh_token"] = body.GetProperty("refresh_token").GetString()!,
        }));
        Assert.True(refreshed.IsSuccessStatusCode, await refreshed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_public_client_without_pkce_is_refused()
    {
        var spa = await _app.CreateSpaAsync();

        // Refused before the callback is trusted: the hosted error page, never the application with a code.
        Assert.Equal("invalid_request", await HostedErrors.RefusedAsync(Browser(),
            $"/authorize?client_id={spa.ClientId}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(EndUsers.Callback)}&state=s"));
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_never_receives_the_browser()
    {
        var spa = await _app.CreateSpaAsync();
        var (_, challenge) = Pkce();

        var response = await Browser().GetAsync(AuthorizeUrl(spa.ClientId, challenge, "openid", "https://evil.example.com/callback"));

        // The browser goes to the hosted error page on this server, never to the unregistered address.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/u/error?", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Prompt_none_without_a_session_answers_login_required()
    {
        var spa = await _app.CreateSpaAsync();
        var (_, challenge) = Pkce();

        var response = await Browser().GetAsync(AuthorizeUrl(spa.ClientId, challenge, "openid") + "&prompt=none");

        Assert.Equal("login_required", QueryHelpers.ParseQuery(response.Headers.Location!.Query)["error"].ToString());
    }

    [Fact]
    public async Task Logout_returns_only_to_an_allowed_url()
    {
        var spa = await _app.CreateSpaAsync();
        var http = Browser();

        var allowed = await http.GetAsync($"/v2/logout?client_id={spa.ClientId}&returnTo={Uri.EscapeDataString(EndUsers.LogoutUrl)}");
        var refused = await http.GetAsync($"/v2/logout?client_id={spa.ClientId}&returnTo={Uri.EscapeDataString("https://evil.example.com/")}");

        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Equal(EndUsers.LogoutUrl, allowed.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private HttpClient Browser()
    {
        var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.Timeout = TimeSpan.FromSeconds(30);
        return http;
    }

    private static string AuthorizeUrl(string clientId, string challenge, string scope, string redirectUri = EndUsers.Callback) =>
        $"/authorize?client_id={clientId}&response_type=code&scope={Uri.EscapeDataString(scope)}&redirect_uri={Uri.EscapeDataString(redirectUri)}" +
        $"&state=state-123&nonce=nonce-456&code_challenge={challenge}&code_challenge_method=S256";

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }
}
