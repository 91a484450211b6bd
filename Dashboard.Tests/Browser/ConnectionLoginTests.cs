using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

/// <summary>
/// A login through an <c>oidc</c> connection whose provider is another Flowgate, in Chromium: the login page's button,
/// the round trip, the user created with its identity, the flow seeing the connection; a replayed or foreign callback
/// is refused; and an Action that links the identity into a database user and continues as it (setPrimaryUser).
/// </summary>
public sealed class ConnectionLoginTests(Infrastructure.Browser browser, UpstreamProvider upstream)
    : IClassFixture<Infrastructure.Browser>, IClassFixture<UpstreamProvider>
{
    private const string ConnectionName = "upstream-idp";

    [Fact]
    public async Task The_button_logs_in_at_the_provider_creates_the_user_with_its_identity_and_the_flow_sees_the_connection()
    {
        using var app = KestrelApp.StartOnLocalhost();
        var spa = await app.CreateSpaAsync();
        await CreateConnectionAsync(app, spa.ClientId);
        await app.DeployFlowAsync("post-login", ("connection claims", """
            exports.onExecutePostLogin = async (event, api) => {
              api.idToken.setCustomClaim('https://test/strategy', event.connection.strategy);
              api.idToken.setCustomClaim('https://test/identity', event.user.identities.map(i => `${i.provider}:${i.connection}:${i.isSocial}`).join(','));
            };
            """));
        var person = await upstream.App.CreateUserAsync();
        await using var context = await browser.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        string? callback = null;
        page.Request += (_, request) => callback = request.Url.Contains("/login/callback/") ? request.Url : callback;

        var idToken = await LogInThroughConnectionAsync(page, app, spa.ClientId, person.Email!);

        var userId = $"oidc|{ConnectionName}|{person.Id}";
        Assert.Equal(userId, idToken.Subject);
        Assert.Equal("oidc", idToken.Claims.Single(c => c.Type == "https://test/strategy").Value);
        Assert.Equal($"oidc:{ConnectionName}:false", idToken.Claims.Single(c => c.Type == "https://test/identity").Value);
        var http = await app.CreateManagementClientAsync();
        var user = await http.GetFromJsonAsync<JsonElement>($"/api/v2/users/{Uri.EscapeDataString(userId)}");
        var identity = user.GetProperty("identities").EnumerateArray().Single();
        Assert.Equal(person.Email, user.GetProperty("email").GetString());
        Assert.Equal($"{ConnectionName}|{person.Id}", identity.GetProperty("user_id").GetString());
        Assert.Equal(person.Email, identity.GetProperty("profileData").GetProperty("email").GetString());

        // Auth0's link_with: the user's ID token names it; a token with a broken signature names no one.
        var primary = await app.CreateUserAsync();
        var primaryPath = $"/api/v2/users/{Uri.EscapeDataString(primary.Id)}/identities";
        await (await http.PostAsJsonAsync(primaryPath, new { link_with = idToken.RawData[..^4] + "AAAA" })).AssertErrorAsync(400, "not a valid ID token");
        var linked = await (await http.PostAsJsonAsync(primaryPath, new { link_with = idToken.RawData })).JsonAsync(201);
        Assert.Equal(["auth0", "oidc"], linked.EnumerateArray().Select(i => i.GetProperty("provider").GetString()));

        // The provider's answer continues only the login that asked for it, once: replayed, or in another browser, it is refused.
        Assert.NotNull(callback);
        await page.GotoAsync(callback);
        Assert.Contains("/u/error", page.Url);
        await using var stranger = await browser.Instance.NewContextAsync();
        var strangerPage = await stranger.NewPageAsync();
        await strangerPage.GotoAsync(callback);
        Assert.Contains("/u/error", strangerPage.Url);
        Assert.DoesNotContain(await stranger.CookiesAsync(), c => c.Name == "flowgate.session");
    }

    [Fact]
    public async Task A_refresh_shows_the_flow_the_connection_the_login_came_through()
    {
        using var app = KestrelApp.StartOnLocalhost();
        var spa = await app.CreateSpaAsync();
        await CreateConnectionAsync(app, spa.ClientId);
        await app.DeployFlowAsync("post-login", ("connection on refresh", """
            exports.onExecutePostLogin = async (event, api) => {
              api.idToken.setCustomClaim('https://test/seen', `${event.transaction.protocol}:${event.connection.strategy}:${event.connection.name}`);
            };
            """));
        var person = await upstream.App.CreateUserAsync();
        await using var context = await browser.Instance.NewContextAsync();

        var tokens = await TokensThroughConnectionAsync(await context.NewPageAsync(), app, spa.ClientId, person.Email!, "openid profile offline_access");
        Assert.Equal($"oidc-basic-profile:oidc:{ConnectionName}", Seen(tokens));

        using var http = new HttpClient { BaseAddress = new Uri(Local(app)) };
        var refreshed = await http.RefreshAsync(spa.ClientId, tokens);
        Assert.Equal($"oauth2-refresh-token:oidc:{ConnectionName}", Seen(refreshed));
        // The next refresh token carries it on.
        Assert.Equal($"oauth2-refresh-token:oidc:{ConnectionName}", Seen(await http.RefreshAsync(spa.ClientId, refreshed)));
        // Only the code and refresh tokens carry the connection: nothing of it is in what the application reads.
        Assert.False(TokenRequests.Payload(refreshed.GetProperty("access_token").GetString()!).TryGetProperty("flowgate_con", out _));
        Assert.False(TokenRequests.Payload(refreshed.GetProperty("id_token").GetString()!).TryGetProperty("flowgate_con", out _));
    }

    private static string? Seen(JsonElement tokens) =>
        TokenRequests.Payload(tokens.GetProperty("id_token").GetString()!).GetProperty("https://test/seen").GetString();

    [Fact]
    public async Task An_oauth2_connection_maps_the_providers_profile_declaratively_into_a_social_identity()
    {
        using var app = KestrelApp.StartOnLocalhost();
        var spa = await app.CreateSpaAsync();
        var (upstreamClient, upstreamSecret) = await upstream.RegisterClientAsync(Local(app) + "/login/callback/" + ConnectionName);
        var http = await app.CreateManagementClientAsync();
        var provider = upstream.App.BaseUrl();
        (await http.PostAsJsonAsync("/api/v2/connections", new
        {
            name = ConnectionName, strategy = "oauth2", enabled_clients = new[] { spa.ClientId },
            options = new
            {
                authorizationURL = provider + "/authorize", tokenURL = provider + "/oauth/token", profile_url = provider + "/userinfo",
                client_id = upstreamClient, client_secret = upstreamSecret, scope = "openid profile email",
                profile_map = new { user_id = "sub", email = "email", nickname = "name" },
            },
        })).EnsureSuccessStatusCode();
        var person = await upstream.App.CreateUserAsync();
        await using var context = await browser.Instance.NewContextAsync();

        var idToken = await LogInThroughConnectionAsync(await context.NewPageAsync(), app, spa.ClientId, person.Email!);

        var userId = $"oauth2|{ConnectionName}|{person.Id}";
        Assert.Equal(userId, idToken.Subject);
        var user = await http.GetFromJsonAsync<JsonElement>($"/api/v2/users/{Uri.EscapeDataString(userId)}");
        Assert.Equal((person.Email, "Jane Smith"), (user.GetProperty("email").GetString(), user.GetProperty("nickname").GetString()));
        Assert.True(user.GetProperty("identities")[0].GetProperty("isSocial").GetBoolean());
    }

    [Fact]
    public async Task A_forged_state_is_refused_and_authorize_with_connection_goes_straight_to_the_provider()
    {
        using var app = KestrelApp.StartOnLocalhost();
        var spa = await app.CreateSpaAsync();
        await CreateConnectionAsync(app, spa.ClientId);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl()) };

        var forged = await http.GetAsync($"/login/callback/{ConnectionName}?code=stolen&state=forged");
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.StartsWith("/u/error", forged.Headers.Location!.OriginalString);
        Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("flowgate.session"));

        await using var context = await browser.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Local(app)}/authorize?client_id={spa.ClientId}&response_type=code&scope=openid&connection={ConnectionName}" +
            $"&redirect_uri={Uri.EscapeDataString(EndUsers.Callback)}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        await Assertions.Expect(page.Locator("#email")).ToBeVisibleAsync();
        Assert.StartsWith(upstream.App.BaseUrl(), page.Url);
    }

    [Fact]
    public async Task An_action_links_the_identity_into_a_database_user_and_setPrimaryUser_continues_the_login_as_it()
    {
        using var app = KestrelApp.StartOnLocalhost(settings: new Dictionary<string, string> { ["Sandbox:AllowPrivateNetworkFetch"] = "true" });
        var spa = await app.CreateSpaAsync();
        await CreateConnectionAsync(app, spa.ClientId);
        var primary = await app.CreateUserAsync();
        var machine = await app.CreateApplicationAsync();
        // Auth0's account-linking pattern: the Action links the new identity through the Management API, then switches to the primary user.
        await app.DeployFlowAsync("post-login", ("link accounts", $$"""
            exports.onExecutePostLogin = async (event, api) => {
              if (event.connection.strategy !== 'oidc') return;
              const base = '{{Local(app)}}';
              const token = await (await fetch(base + '/oauth/token', { method: 'POST', headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ grant_type: 'client_credentials', client_id: '{{machine.ClientId}}', client_secret: '{{machine.ClientSecret}}', audience: '{{app.ManagementAudience}}' }) })).json();
              const identity = event.user.identities[0];
              const linked = await fetch(`${base}/api/v2/users/${encodeURIComponent('{{primary.Id}}')}/identities`, { method: 'POST',
                headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
                body: JSON.stringify({ provider: identity.provider, user_id: identity.user_id }) });
              if (linked.status !== 201) throw new Error(`linking answered ${linked.status}`);
              api.authentication.setPrimaryUser('{{primary.Id}}');
            };
            """));
        var person = await upstream.App.CreateUserAsync();
        await using var context = await browser.Instance.NewContextAsync();

        var idToken = await LogInThroughConnectionAsync(await context.NewPageAsync(), app, spa.ClientId, person.Email!);

        Assert.Equal(primary.Id, idToken.Subject);
        var http = await app.CreateManagementClientAsync();
        var user = await http.GetFromJsonAsync<JsonElement>($"/api/v2/users/{Uri.EscapeDataString(primary.Id)}");
        Assert.Equal(["auth0", "oidc"], user.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("provider").GetString()));
        var secondaryId = $"oidc|{ConnectionName}|{person.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v2/users/{Uri.EscapeDataString(secondaryId)}")).StatusCode);

        // Unlinked, the identity is a user of its own again.
        var kept = await (await http.DeleteAsync($"/api/v2/users/{Uri.EscapeDataString(primary.Id)}/identities/oidc/{Uri.EscapeDataString($"{ConnectionName}|{person.Id}")}")).JsonAsync();
        Assert.Equal(["auth0"], kept.EnumerateArray().Select(i => i.GetProperty("provider").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v2/users/{Uri.EscapeDataString(secondaryId)}")).StatusCode);
    }

    // The application's login page, its button for the connection, the provider's login page, back with the ID token.
    private async Task<System.IdentityModel.Tokens.Jwt.JwtSecurityToken> LogInThroughConnectionAsync(IPage page, FlowgateApp app, string clientId, string email) =>
        new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler().ReadJwtToken(
            (await TokensThroughConnectionAsync(page, app, clientId, email)).GetProperty("id_token").GetString());

    // The same, asking for <paramref name="scope"/>; returns /oauth/token's answer.
    private async Task<JsonElement> TokensThroughConnectionAsync(IPage page, FlowgateApp app, string clientId, string email, string scope = "openid profile")
    {
        var login = new BrowserLogin(page, Local(app), clientId);
        await login.RouteCallbackAsync();
        await login.StartAsync(scope);
        await page.ClickAsync($"[data-test=connection-{ConnectionName}]");
        await page.WaitForURLAsync(upstream.App.BaseUrl() + "/u/login**");
        await login.LogInWithPasswordAsync(email);
        return await login.TokenResponseAsync();
    }

    // The address the browser uses for the Flowgate under test (its issuer): localhost, apart from the provider's 127.0.0.1.
    private static string Local(FlowgateApp app) => app.BaseUrl().Replace("127.0.0.1", "localhost");

    private async Task CreateConnectionAsync(FlowgateApp app, string clientId)
    {
        var (upstreamClient, upstreamSecret) = await upstream.RegisterClientAsync(Local(app) + "/login/callback/" + ConnectionName);
        var http = await app.CreateManagementClientAsync();
        (await http.PostAsJsonAsync("/api/v2/connections", new
        {
            name = ConnectionName, strategy = "oidc", display_name = "Upstream", enabled_clients = new[] { clientId },
            options = new { discovery_url = upstream.DiscoveryUrl, client_id = upstreamClient, client_secret = upstreamSecret, type = "back_channel", scope = "openid profile email" },
        })).EnsureSuccessStatusCode();
    }
}
