using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Tests.Login;

/// <summary>
/// A database user linked into another as its secondary identity, as on Auth0: it is no user any more, its e-mail and
/// password log in as the primary user (whose block applies), what it had opened ends, its address stays taken, and
/// unlinking gives it back as itself.
/// </summary>
public sealed class DatabaseLinkingTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task The_secondarys_password_logs_in_as_the_primary_until_unlinked_then_as_itself_again()
    {
        await _app.DeployFlowAsync("post-login");
        var spa = await _app.CreateSpaAsync();
        var (primary, secondary) = (await _app.CreateUserAsync(), await _app.CreateUserAsync());
        var http = await _app.CreateManagementClientAsync();

        var linked = await (await LinkAsync(http, primary.Id, secondary.Id)).JsonAsync(201);

        var identity = linked.EnumerateArray().Last();
        Assert.Equal(("auth0", Local(secondary.Id), "Username-Password-Authentication"),
            (identity.GetProperty("provider").GetString(), identity.GetProperty("user_id").GetString(), identity.GetProperty("connection").GetString()));
        Assert.Equal(secondary.Email, identity.GetProperty("profileData").GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(UserPath(secondary.Id))).StatusCode);
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>($"/api/v2/users-by-email?email={Uri.EscapeDataString(secondary.Email!)}")).EnumerateArray());
        Assert.Equal(primary.Id, await SubjectAfterLoginAsync(spa.ClientId, secondary.Email!));

        var kept = await (await http.DeleteAsync($"{UserPath(primary.Id)}/identities/auth0/{Local(secondary.Id)}")).JsonAsync();
        Assert.Equal([Local(primary.Id)], kept.EnumerateArray().Select(i => i.GetProperty("user_id").GetString()));
        Assert.Equal(secondary.Email, (await http.GetFromJsonAsync<JsonElement>(UserPath(secondary.Id))).GetProperty("email").GetString());
        Assert.Equal(secondary.Id, await SubjectAfterLoginAsync(spa.ClientId, secondary.Email!));
    }

    [Fact]
    public async Task A_blocked_primary_blocks_the_linked_password_and_the_linked_address_cannot_sign_up_again()
    {
        await _app.DeployFlowAsync("post-login");
        var spa = await _app.CreateSpaAsync();
        var (primary, secondary) = (await _app.CreateUserAsync(), await _app.CreateUserAsync());
        var http = await _app.CreateManagementClientAsync();
        (await LinkAsync(http, primary.Id, secondary.Id)).EnsureSuccessStatusCode();
        (await http.PatchAsJsonAsync(UserPath(primary.Id), new { blocked = true })).EnsureSuccessStatusCode();

        var session = new HostedLoginSession(_app);
        var login = await session.AuthorizeAsync(spa.ClientId);
        var refused = await HtmlForm.SubmitAsync(session.Http, login.Headers.Location!.OriginalString,
            new Dictionary<string, string> { ["Input.Email"] = secondary.Email!, ["Input.Password"] = "correct horse battery" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This account is blocked", await refused.Content.ReadAsStringAsync());

        // The linked identity still owns its address: nobody signs up with it (it would shadow the linked login).
        var signup = _app.CreateBrowserClient();
        await signup.GetAsync(HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s1"));
        var answer = await HtmlForm.SubmitAsync(signup, "/u/signup",
            new Dictionary<string, string> { ["Input.Email"] = secondary.Email!, ["Input.Password"] = "another long passphrase" });
        Assert.Contains("We could not create an account with these details", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_secondarys_refresh_tokens_and_session_end_when_it_is_linked()
    {
        await _app.DeployFlowAsync("post-login");
        var spa = await _app.CreateSpaAsync();
        var (primary, secondary) = (await _app.CreateUserAsync(), await _app.CreateUserAsync());
        var browser = _app.CreateBrowserClient();
        var url = HostedLogin.OfflineAuthorizeUrl(spa.ClientId);
        var code = QueryHelpers.ParseQuery((await browser.LogInAtAsync(url, secondary.Email!)).Query)["code"].ToString();
        var tokens = await browser.RedeemCodeAsync(spa.ClientId, code);
        var http = await _app.CreateManagementClientAsync();

        (await LinkAsync(http, primary.Id, secondary.Id)).EnsureSuccessStatusCode();

        var refreshed = await browser.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = spa.ClientId, ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        }));
        Assert.Equal("invalid_grant", (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        // The secondary's browser session is no session of the primary's: the application's next login asks again.
        var again = await browser.GetAsync(HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s2"));
        Assert.StartsWith("/u/login", again.Headers.Location!.OriginalString);
    }

    private async Task<string> SubjectAfterLoginAsync(string clientId, string email)
    {
        var session = new HostedLoginSession(_app);
        var callback = await session.LogInAsync(clientId, email);
        return (await session.ExchangeAsync(clientId, QueryHelpers.ParseQuery(callback.Headers.Location!.Query)["code"].ToString())).Subject;
    }

    internal static Task<HttpResponseMessage> LinkAsync(HttpClient http, string primaryId, string secondaryId) =>
        http.PostAsJsonAsync($"{UserPath(primaryId)}/identities", new { provider = "auth0", user_id = Local(secondaryId) });

    private static string UserPath(string id) => $"/api/v2/users/{Uri.EscapeDataString(id)}";

    // A database user's identity names it without the provider: auth0|abc is user_id abc.
    private static string Local(string userId) => userId["auth0|".Length..];
}
