using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>
/// A refresh continues the login it was issued by: the post-login flow sees that login's authentication methods (a
/// second factor passed then shows as <c>mfa</c>) and the application's metadata, as at <c>/authorize</c>.
/// </summary>
public sealed class RefreshAfterMfaTests(MfaAppFixture fixture) : IClassFixture<MfaAppFixture>
{
    // Refreshes only for logins that passed a second factor; interactive logins ask for one unless the user is exempt.
    private const string MfaOrNoRefresh = """
        exports.onExecutePostLogin = async (event, api) => {
          if (event.transaction.protocol === 'oauth2-refresh-token') {
            if (!event.authentication.methods.some(m => m.name === 'mfa')) {
              api.access.deny('Refresh tokens need a login with a second factor.');
              return;
            }
            api.idToken.setCustomClaim('https://flowgate.test/methods', event.authentication.methods.map(m => m.name).join(' '));
            api.idToken.setCustomClaim('https://flowgate.test/tier', event.client.metadata.tier ?? 'none');
            return;
          }
          if (!event.user.app_metadata.password_only) api.multifactor.enable('any');
        };
        """;

    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task A_refresh_after_a_login_with_a_second_factor_shows_mfa_and_the_client_metadata_and_one_without_is_denied()
    {
        await _app.DeployFlowAsync("post-login", ("mfa-or-no-refresh", MfaOrNoRefresh));
        var spa = await _app.CreateSpaAsync();
        var management = await _app.CreateManagementClientAsync();
        (await management.PatchAsJsonAsync($"/api/v2/clients/{spa.ClientId}", new { client_metadata = new { tier = "gold" } })).EnsureSuccessStatusCode();

        // With a second factor: enrolled during the login, then the refresh token is refreshed twice (the methods carry over).
        var mfaUser = await _app.CreateUserAsync();
        var http = _app.CreateBrowserClient();
        var enrolment = await LogInAsync(http, spa.ClientId, mfaUser.Email!);
        var (_, shown) = await MfaPages.EnrolAsync(http, enrolment.Headers.Location!, fixture.Clock);
        var refreshToken = await RedeemAsync(http, spa.ClientId, await MfaPages.ContinueToCodeAsync(http, shown));
        for (var i = 0; i < 2; i++)
        {
            var refreshed = await RefreshAsync(http, spa.ClientId, refreshToken);
            Assert.True(refreshed.IsSuccessStatusCode, await refreshed.Content.ReadAsStringAsync());
            var body = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
            var idToken = new JwtSecurityTokenHandler().ReadJwtToken(body.GetProperty("id_token").GetString());
            Assert.Equal("pwd mfa", idToken.Claims.Single(c => c.Type == "https://flowgate.test/methods").Value);
            Assert.Equal("gold", idToken.Claims.Single(c => c.Type == "https://flowgate.test/tier").Value);
            refreshToken = body.GetProperty("refresh_token").GetString()!;
        }

        // The password alone: the login succeeds, its refresh is refused by the same Action.
        var passwordUser = await _app.CreateUserAsync();
        (await management.PatchAsJsonAsync($"/api/v2/users/{Uri.EscapeDataString(passwordUser.Id)}", new { app_metadata = new { password_only = true } })).EnsureSuccessStatusCode();
        var other = _app.CreateBrowserClient();
        var code = MfaPages.CodeOf(await LogInAsync(other, spa.ClientId, passwordUser.Email!));
        var denied = await RefreshAsync(other, spa.ClientId, await RedeemAsync(other, spa.ClientId, code));
        Assert.Equal(HttpStatusCode.BadRequest, denied.StatusCode);
        Assert.Equal("invalid_grant", (await denied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    // The password form of a login that asks for offline_access; returns /authorize's answer after it.
    private static async Task<HttpResponseMessage> LogInAsync(HttpClient http, string clientId, string email)
    {
        var url = HostedLogin.OfflineAuthorizeUrl(clientId);
        var login = await http.GetAsync(url);
        var loggedIn = await HtmlForm.SubmitAsync(http, login.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "correct horse battery",
        });
        return await http.GetAsync(loggedIn.Headers.Location);
    }

    private static async Task<string> RedeemAsync(HttpClient http, string clientId, string code)
    {
        var tokens = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code,
            ["redirect_uri"] = EndUsers.Callback, ["code_verifier"] = HostedLogin.Verifier,
        }));
        Assert.True(tokens.IsSuccessStatusCode, await tokens.Content.ReadAsStringAsync());
        return (await tokens.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString()!;
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient http, string clientId, string refreshToken) =>
        http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken,
        }));
}
