using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Tests.Login;

/// <summary>Attacks on the login that must be refused, and the post-login scope commands that must be honoured.</summary>
public sealed class LoginAttackTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public LoginAttackTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_code_redeemed_twice_is_refused_the_second_time()
    {
        await _app.DeployFlowAsync("post-login");
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var http = _app.CreateBrowserClient();
        var code = QueryHelpers.ParseQuery((await http.LogInAsync(spa.ClientId, user.Email!)).Query)["code"].ToString();

        await http.ExchangeCodeAsync(spa.ClientId, code);
        var replay = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = spa.ClientId, ["code"] = code,
            ["redirect_uri"] = EndUsers.Callback, ["code_verifier"] = HostedLogin.Verifier,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_login_form_posted_without_its_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        var user = await _app.CreateUserAsync();
        var http = _app.CreateBrowserClient();

        var forged = await http.PostAsync("/u/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "user-login", ["Input.Email"] = user.Email!, ["Input.Password"] = "correct horse battery",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("flowgate.session="));
    }

    [Fact]
    public async Task Post_login_scope_commands_change_the_access_tokens_scopes()
    {
        await _app.DeployFlowAsync("post-login", ("scopes", """
            exports.onExecutePostLogin = async (event, api) => { api.accessToken.addScope('read:reports'); api.accessToken.removeScope('email'); };
            """));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var http = _app.CreateBrowserClient();
        var code = QueryHelpers.ParseQuery((await http.LogInAsync(spa.ClientId, user.Email!)).Query)["code"].ToString();

        var tokens = await (await http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = spa.ClientId, ["code"] = code,
            ["redirect_uri"] = EndUsers.Callback, ["code_verifier"] = HostedLogin.Verifier,
        }))).Content.ReadFromJsonAsync<JsonElement>();

        var scopes = tokens.GetProperty("scope").GetString()!.Split(' ');
        Assert.Contains("read:reports", scopes);
        Assert.DoesNotContain("email", scopes);
        Assert.Contains("openid", scopes);
    }

    [Theory]
    [InlineData("scope", "openid profile email admin offline_access")]
    [InlineData("nonce", "another-nonce")]
    [InlineData("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")]
    public async Task A_parked_login_resumed_with_another_authorization_request_gets_no_code(string parameter, string value)
    {
        // The flow's decision holds for the request it saw: scopes it would deny must not ride on its result.
        await _app.DeployFlowAsync("post-login", ("scope-guard", """
            exports.onExecutePostLogin = async (event, api) => {
              if (event.transaction.requested_scopes.includes('admin')) { api.access.deny('No admin scope here.'); return; }
              api.redirect.sendUserTo('https://terms.example.com/accept');
            };
            exports.onContinuePostLogin = async (event, api) => {};
            """));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var http = _app.CreateBrowserClient();
        var outside = await http.LogInAsync(spa.ClientId, user.Email!);
        Assert.StartsWith("https://terms.example.com/accept", outside.ToString());
        var back = await http.GetAsync($"/continue?state={QueryHelpers.ParseQuery(outside.Query)["state"]}");
        var resume = back.Headers.Location!.OriginalString;
        Assert.Contains("flowgate_continue=", resume);

        var tampered = System.Text.RegularExpressions.Regex.Replace(resume, $"([?&]){parameter}=[^&]*", "$1") + $"&{parameter}={Uri.EscapeDataString(value)}";
        var answer = await http.GetAsync(tampered);

        // Refused by the login (the application hears access_denied), not by a malformed request.
        var location = answer.Headers.Location?.ToString() ?? "";
        Assert.StartsWith(EndUsers.Callback, location);
        Assert.Contains("error=access_denied", location);
        Assert.DoesNotContain("code=", location);
    }
}
