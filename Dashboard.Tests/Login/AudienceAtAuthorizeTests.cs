using System.Buffers.Text;
using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Flowgate.Tests.Login;

/// <summary>
/// Auth0's <c>audience</c> at <c>/authorize</c>: an end user logs in to a SPA with code + PKCE and gets an access token for
/// an API, shaped by that API's settings (scopes, RBAC, dialect, offline access, lifetime), as a resource server would see it.
/// </summary>
public sealed class AudienceAtAuthorizeTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public AudienceAtAuthorizeTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task The_access_token_is_for_the_api_and_userinfo_with_the_scopes_the_api_defines_and_its_lifetime()
    {
        var api = await CreateApiAsync(new { token_lifetime = 600 });
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();

        var tokens = await LogInAsync(spa.ClientId, user.Email!, $"audience={Uri.EscapeDataString(api)}", "openid profile read:reports delete:everything");
        var access = TokenRequests.Payload(tokens.GetProperty("access_token").GetString()!);
        var userInfo = await _app.CreateBrowserClient().UserInfoAsync(tokens);

        Assert.Equal([api, Issuer() + "userinfo"], access.GetProperty("aud").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("openid profile read:reports", access.GetProperty("scope").GetString());
        Assert.Equal(user.Id, access.GetProperty("sub").GetString());
        Assert.Equal(600, access.GetProperty("exp").GetInt64() - access.GetProperty("iat").GetInt64());
        Assert.Equal((user.Id, "Jane Smith"), (userInfo.GetProperty("sub").GetString(), userInfo.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_resource_parameter_names_the_api_too_and_without_openid_the_audience_is_the_api_alone()
    {
        var api = await CreateApiAsync(new { });
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();

        var tokens = await LogInAsync(spa.ClientId, user.Email!, $"resource={Uri.EscapeDataString(api)}", "read:reports");
        var access = TokenRequests.Payload(tokens.GetProperty("access_token").GetString()!);

        Assert.Equal(api, access.GetProperty("aud").GetString());
        Assert.Equal("read:reports", access.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task With_rbac_the_scopes_are_limited_to_the_users_permissions_the_token_lists_them_and_a_refresh_follows_a_revocation()
    {
        var api = await CreateApiAsync(new { enforce_policies = true, token_dialect = "access_token_authz", allow_offline_access = true });
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var http = await _app.CreateManagementClientAsync();
        var role = (await (await http.PostAsJsonAsync("/api/v2/roles", new { name = "readers-" + Guid.NewGuid().ToString("N")[..8] })).JsonAsync()).GetProperty("id").GetString()!;
        (await http.PostAsJsonAsync($"/api/v2/roles/{role}/permissions", Permissions(api, "read:reports"))).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/v2/users/{Uri.EscapeDataString(user.Id)}/roles", new { roles = new[] { role } })).EnsureSuccessStatusCode();

        var tokens = await LogInAsync(spa.ClientId, user.Email!, $"audience={Uri.EscapeDataString(api)}", "openid read:reports write:reports offline_access");
        var access = TokenRequests.Payload(tokens.GetProperty("access_token").GetString()!);
        var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/api/v2/roles/{role}/permissions") { Content = JsonContent.Create(Permissions(api, "read:reports")) };
        (await http.SendAsync(revoke)).EnsureSuccessStatusCode();
        var refreshed = TokenRequests.Payload((await _app.CreateBrowserClient().RefreshAsync(spa.ClientId, tokens)).GetProperty("access_token").GetString()!);

        Assert.Equal("openid read:reports offline_access", access.GetProperty("scope").GetString());
        Assert.Equal("[\"read:reports\"]", access.GetProperty("permissions").GetRawText());
        Assert.Equal("openid offline_access", refreshed.GetProperty("scope").GetString());
        Assert.Equal("[]", refreshed.GetProperty("permissions").GetRawText());
    }

    [Fact]
    public async Task Offline_access_brings_a_refresh_token_only_when_the_api_allows_it_and_the_refresh_keeps_the_api()
    {
        var closed = await CreateApiAsync(new { allow_offline_access = false });
        var open = await CreateApiAsync(new { allow_offline_access = true });
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        const string scope = "openid read:reports offline_access";

        var refused = await LogInAsync(spa.ClientId, user.Email!, $"audience={Uri.EscapeDataString(closed)}", scope);
        var allowed = await LogInAsync(spa.ClientId, user.Email!, $"audience={Uri.EscapeDataString(open)}", scope);
        var refreshed = await _app.CreateBrowserClient().RefreshAsync(spa.ClientId, allowed);

        Assert.False(refused.TryGetProperty("refresh_token", out _), refused.GetRawText());
        Assert.Equal("openid read:reports", TokenRequests.Payload(refused.GetProperty("access_token").GetString()!).GetProperty("scope").GetString());
        var again = TokenRequests.Payload(refreshed.GetProperty("access_token").GetString()!);
        Assert.Equal(open, again.GetProperty("aud")[0].GetString());
        Assert.Equal("openid read:reports offline_access", again.GetProperty("scope").GetString());
    }

    [Theory]
    [InlineData("audience")]
    [InlineData("resource")]
    public async Task An_unknown_api_is_auth0s_error_at_the_redirect_uri_before_any_login(string parameter)
    {
        var spa = await _app.CreateSpaAsync();
        var unknown = $"https://nowhere-{Guid.NewGuid():N}.example.com";

        var response = await _app.CreateBrowserClient().GetAsync(AuthorizeUrl(spa.ClientId, $"{parameter}={Uri.EscapeDataString(unknown)}", "openid"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(EndUsers.Callback, response.Headers.Location!.ToString());
        var query = QueryHelpers.ParseQuery(response.Headers.Location.Query);
        Assert.Equal("access_denied", query["error"].ToString());
        Assert.Equal($"Service not found: {unknown}", query["error_description"].ToString());
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("{0}/")]
    [InlineData("HTTP://LOCALHOST:1/API/V2")]
    [InlineData("api/v2/")]
    public async Task The_management_api_is_never_granted_to_an_end_user_in_any_spelling(string spelling)
    {
        var spa = await _app.CreateSpaAsync();
        var audience = string.Format(System.Globalization.CultureInfo.InvariantCulture, spelling, _app.ManagementAudience.TrimEnd('/'));

        var response = await _app.CreateBrowserClient().GetAsync(
            AuthorizeUrl(spa.ClientId, $"audience={Uri.EscapeDataString(audience)}", "openid read:users delete:users"));

        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.StartsWith(EndUsers.Callback, response.Headers.Location.ToString());
        Assert.Equal("access_denied", query["error"].ToString());
        Assert.Contains("Management API", query["error_description"].ToString());
    }

    [Fact]
    public async Task A_post_login_action_sees_the_api_and_adds_and_removes_scopes_on_its_token()
    {
        var api = await CreateApiAsync(new { });
        await _app.DeployAndBindAsync(("api scopes", $$"""
            exports.onExecutePostLogin = async (event, api) => {
              if (event.resource_server && event.resource_server.identifier === '{{api}}') {
                api.accessToken.addScope('write:reports');
                api.accessToken.removeScope('read:reports');
              }
            };
            """));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();

        var tokens = await LogInAsync(spa.ClientId, user.Email!, $"audience={Uri.EscapeDataString(api)}", "openid read:reports");

        Assert.Equal("openid write:reports", TokenRequests.Payload(tokens.GetProperty("access_token").GetString()!).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task An_hs256_apis_end_user_token_is_signed_with_its_secret_the_id_token_stays_rs256_and_userinfo_refuses_it()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var api = await CreateApiAsync(new { signing_alg = "HS256", signing_secret = secret });
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();

        var tokens = await LogInAsync(spa.ClientId, user.Email!, $"audience={Uri.EscapeDataString(api)}", "openid read:reports");
        var access = tokens.GetProperty("access_token").GetString()!;
        new JwtSecurityTokenHandler().ValidateToken(access, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), ValidAudience = api, ValidIssuer = Issuer(),
        }, out var validated);
        var userInfo = new HttpRequestMessage(HttpMethod.Get, "/userinfo") { Headers = { Authorization = new("Bearer", access) } };
        var refused = await _app.CreateBrowserClient().SendAsync(userInfo);

        Assert.Equal("HS256", ((JwtSecurityToken)validated).Header.Alg);
        Assert.Equal(user.Id, ((JwtSecurityToken)validated).Subject);
        Assert.Equal("RS256", new JwtSecurityTokenHandler().ReadJwtToken(tokens.GetProperty("id_token").GetString()).Header.Alg);
        // Only the API holds its secret, and a token it could sign is no proof of a login: /userinfo needs an RS256 token.
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
    }

    private async Task<string> CreateApiAsync(object settings)
    {
        var identifier = $"https://reports-{Guid.NewGuid():N}.example.com/";
        var body = JsonSerializer.SerializeToNode(settings)!.AsObject();
        body["name"] = "Reports";
        body["identifier"] = identifier;
        body["scopes"] = JsonSerializer.SerializeToNode(new[] { new { value = "read:reports", description = "Read" }, new { value = "write:reports", description = "Write" } });
        var http = await _app.CreateManagementClientAsync();
        await (await http.PostAsJsonAsync("/api/v2/resource-servers", body)).JsonAsync(201);
        return identifier;
    }

    private static object Permissions(string api, string name) =>
        new { permissions = new[] { new { resource_server_identifier = api, permission_name = name } } };

    // The SPA's whole login: /authorize with the extra parameters, the hosted page, the code exchanged with its verifier.
    private async Task<JsonElement> LogInAsync(string clientId, string email, string extra, string scope)
    {
        var http = _app.CreateBrowserClient();
        var callback = await http.LogInAtAsync(AuthorizeUrl(clientId, extra, scope), email);
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code), callback.ToString());
        return await http.RedeemCodeAsync(clientId, code);
    }

    private static string AuthorizeUrl(string clientId, string extra, string scope)
    {
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(HostedLogin.Verifier)));
        return $"/authorize?client_id={clientId}&response_type=code&scope={Uri.EscapeDataString(scope)}&{extra}" +
            $"&redirect_uri={Uri.EscapeDataString(EndUsers.Callback)}&state=s1&code_challenge={challenge}&code_challenge_method=S256";
    }

    private string Issuer() => _app.ManagementAudience[..^"api/v2/".Length];
}
