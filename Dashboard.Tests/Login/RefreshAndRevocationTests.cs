using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Tests.Login;

/// <summary>
/// A refresh token is a login again: the post-login flow runs on it (protocol <c>oauth2-refresh-token</c>), and a
/// password change, a block or a factor reset ends the user's refresh tokens and browser sessions.
/// </summary>
public sealed class RefreshAndRevocationTests : IClassFixture<FlowgateAppFixture>
{
    private const string Protocol = """
        exports.onExecutePostLogin = async (event, api) => {
          if (event.transaction.protocol === 'oauth2-refresh-token' && event.user.app_metadata.cut_off) {
            api.access.deny('Cut off by the administrator.');
            return;
          }
          api.idToken.setCustomClaim('https://flowgate.test/protocol', event.transaction.protocol);
        };
        """;

    private readonly FlowgateApp _app;

    public RefreshAndRevocationTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_refresh_runs_the_post_login_flow_which_can_deny_it_and_whose_claims_are_applied_again()
    {
        await _app.DeployFlowAsync("post-login", ("protocol", Protocol));
        var (spa, user, http, refreshToken, _, _) = await LogInWithRefreshTokenAsync();

        var refreshed = await RefreshAsync(http, spa, refreshToken);
        Assert.True(refreshed.IsSuccessStatusCode, await refreshed.Content.ReadAsStringAsync());
        var body = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        var idToken = new JwtSecurityTokenHandler().ReadJwtToken(body.GetProperty("id_token").GetString());
        Assert.Equal("oauth2-refresh-token", idToken.Claims.Single(c => c.Type == "https://flowgate.test/protocol").Value);

        var management = await _app.CreateManagementClientAsync();
        (await management.PatchAsync($"/api/v2/users/{Uri.EscapeDataString(user)}", Json("""{"app_metadata":{"cut_off":true}}"""))).EnsureSuccessStatusCode();
        var denied = await RefreshAsync(http, spa, body.GetProperty("refresh_token").GetString()!);
        Assert.Equal("invalid_grant", await ErrorOf(denied));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("block")]
    [InlineData("factors")]
    public async Task A_password_change_a_block_or_a_factor_reset_ends_the_refresh_and_access_tokens_and_the_session(string change)
    {
        await _app.DeployFlowAsync("post-login");
        var (spa, user, http, refreshToken, accessToken, _) = await LogInWithRefreshTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await UserInfoAsync(http, accessToken)).StatusCode);
        var management = await _app.CreateManagementClientAsync();
        var path = $"/api/v2/users/{Uri.EscapeDataString(user)}";

        var changed = change switch
        {
            "password" => await management.PatchAsync(path, Json("""{"password":"another long passphrase"}""")),
            // Blocked, then unblocked: what was issued before the block must stay dead.
            "block" => await management.PatchAsync(path, Json("""{"blocked":true}""")) is { IsSuccessStatusCode: true }
                ? await management.PatchAsync(path, Json("""{"blocked":false}""")) : throw new InvalidOperationException("block failed"),
            _ => await management.DeleteAsync(path + "/authenticators"),
        };
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());

        Assert.Equal("invalid_grant", await ErrorOf(await RefreshAsync(http, spa, refreshToken)));
        // The access token has no row of its own: it dies with the login's authorization.
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserInfoAsync(http, accessToken)).StatusCode);
        // The browser session opened with the old credentials is gone: the application's next login asks again.
        var again = await http.GetAsync(HostedLogin.AuthorizeUrl(spa, HostedLogin.Verifier, "s2"));
        Assert.StartsWith("/u/login", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_id_token_hint_takes_oidc_logout_back_to_the_application_also_after_a_password_change()
    {
        await _app.DeployFlowAsync("post-login");
        var (_, user, http, _, _, idToken) = await LogInWithRefreshTokenAsync();
        var logout = $"/oidc/logout?id_token_hint={idToken}&post_logout_redirect_uri={Uri.EscapeDataString(EndUsers.LogoutUrl)}";

        // The ID token has no row of its own; OpenIddict reads the hint from its signature, as it did with a row.
        var before = await http.GetAsync(logout);
        Assert.Equal(EndUsers.LogoutUrl, before.Headers.Location?.GetLeftPart(UriPartial.Path));

        // Logging out is never refused: a hint from a login the password change ended still names the application.
        var management = await _app.CreateManagementClientAsync();
        (await management.PatchAsync($"/api/v2/users/{Uri.EscapeDataString(user)}", Json("""{"password":"another long passphrase"}"""))).EnsureSuccessStatusCode();
        var after = await http.GetAsync(logout);
        Assert.Equal(EndUsers.LogoutUrl, after.Headers.Location?.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task A_password_reset_through_the_mailed_link_ends_the_refresh_tokens()
    {
        await _app.DeployFlowAsync("post-login");
        await _app.DeployFlowAsync("password-reset-post-challenge");
        var (spa, user, http, refreshToken, _, _) = await LogInWithRefreshTokenAsync();
        var email = (await (await _app.CreateManagementClientAsync()).GetFromJsonAsync<JsonElement>($"/api/v2/users/{Uri.EscapeDataString(user)}")).GetProperty("email").GetString()!;
        var browser = _app.CreateBrowserClient();

        var link = await ResetMail.LinkAsync(_app, browser, email);
        var reset = await HtmlForm.SubmitAsync(browser, link, new Dictionary<string, string> { ["Input.Password"] = "a brand new passphrase" });
        Assert.Contains("Your password was changed", await reset.Content.ReadAsStringAsync());

        Assert.Equal("invalid_grant", await ErrorOf(await RefreshAsync(http, spa, refreshToken)));
    }

    private async Task<(string Spa, string UserId, HttpClient Http, string RefreshToken, string AccessToken, string IdToken)> LogInWithRefreshTokenAsync()
    {
        var spa = await _app.CreateSpaAsync();
        var (user, http, body) = await _app.LogInOfflineAsync(spa.ClientId);
        return (spa.ClientId, user.Id, http, body.GetProperty("refresh_token").GetString()!, body.GetProperty("access_token").GetString()!,
            body.GetProperty("id_token").GetString()!);
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient http, string clientId, string refreshToken) =>
        http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken,
        }));

    private static async Task<HttpResponseMessage> UserInfoAsync(HttpClient http, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/userinfo") { Headers = { Authorization = new("Bearer", accessToken) } };
        return await http.SendAsync(request);
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
