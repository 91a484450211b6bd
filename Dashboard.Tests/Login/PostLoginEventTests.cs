using System.Text.Json;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login;

/// <summary>What a post-login Action reads in a real login: the user's profile, the session and the request's parameters, as on Auth0.</summary>
public sealed class PostLoginEventTests : IClassFixture<FlowgateAppFixture>
{
    // The Action hands back what it saw, so the test reads the event as an Action author would.
    private const string EchoEvent = """
        exports.onExecutePostLogin = async (event, api) => {
          api.idToken.setCustomClaim('https://flowgate.test/event', {
            user: event.user, session: event.session || null, connection: event.connection,
            transaction: event.transaction,
          });
        };
        """;

    private readonly FlowgateApp _app;

    public PostLoginEventTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task The_event_has_the_users_profile_the_session_and_the_authorize_parameters()
    {
        await _app.DeployFlowAsync("post-login", ("echo", EchoEvent));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var reset = DateTimeOffset.UtcNow.AddDays(-3);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            (stored.GivenName, stored.FamilyName, stored.PhoneNumber, stored.LastPasswordReset) = ("Jane", "Smith", "+15555550123", reset);
            await users.UpdateAsync(stored);
        }
        var http = _app.CreateBrowserClient();
        var url = HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s1") + "&ui_locales=fr-CA%20en&acr_values=urn:example:loa2&login_hint=" + Uri.EscapeDataString(user.Email!);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("FlowgateTest/1.0");

        var callback = await http.LogInAtAsync(url, user.Email!);
        var tokens = await http.RedeemCodeAsync(spa.ClientId, QueryHelpers.ParseQuery(callback.Query)["code"].ToString());
        var seen = TokenRequests.Payload(tokens.GetProperty("id_token").GetString()!).GetProperty("https://flowgate.test/event");

        var eventUser = seen.GetProperty("user");
        Assert.Equal("Jane", eventUser.GetProperty("given_name").GetString());
        Assert.Equal("Smith", eventUser.GetProperty("family_name").GetString());
        Assert.Equal("+15555550123", eventUser.GetProperty("phone_number").GetString());
        Assert.False(eventUser.GetProperty("phone_verified").GetBoolean());
        Assert.Equal(reset.ToUnixTimeSeconds(), DateTimeOffset.Parse(eventUser.GetProperty("last_password_reset").GetString()!).ToUnixTimeSeconds());
        Assert.False(eventUser.TryGetProperty("username", out _), "the e-mail address is no username");
        Assert.Equal(UserIds.DatabaseConnectionId, seen.GetProperty("connection").GetProperty("id").GetString());

        var transaction = seen.GetProperty("transaction");
        Assert.Equal("fr-CA", transaction.GetProperty("locale").GetString());
        Assert.Equal(["fr-CA", "en"], transaction.GetProperty("ui_locales").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["urn:example:loa2"], transaction.GetProperty("acr_values").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(user.Email, transaction.GetProperty("login_hint").GetString());
        Assert.Equal("oidc-basic-profile", transaction.GetProperty("protocol").GetString());

        var session = seen.GetProperty("session");
        Assert.Equal(JsonValueKind.Object, session.ValueKind);
        Assert.Equal(32, session.GetProperty("id").GetString()!.Length);
        Assert.Equal(user.Id, session.GetProperty("user_id").GetString());
        Assert.Equal("FlowgateTest/1.0", session.GetProperty("device").GetProperty("initial_user_agent").GetString());
        Assert.Equal(spa.ClientId, session.GetProperty("clients")[0].GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task Two_logins_in_one_browser_share_a_session_id_and_two_browsers_do_not()
    {
        await _app.DeployFlowAsync("post-login", ("echo", EchoEvent));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var browser = _app.CreateBrowserClient();

        var first = await SessionIdAsync(browser, await browser.LogInAsync(spa.ClientId, user.Email!), spa.ClientId);
        // The same browser comes back: its session cookie answers /authorize without the form.
        var again = await browser.GetAsync(HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s2"));
        var second = await SessionIdAsync(browser, again.Headers.Location!, spa.ClientId);
        var other = _app.CreateBrowserClient();
        var third = await SessionIdAsync(other, await other.LogInAsync(spa.ClientId, user.Email!), spa.ClientId);

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
    }

    private static async Task<string> SessionIdAsync(HttpClient http, Uri callback, string clientId)
    {
        var tokens = await http.RedeemCodeAsync(clientId, QueryHelpers.ParseQuery(callback.Query)["code"].ToString());
        return TokenRequests.Payload(tokens.GetProperty("id_token").GetString()!).GetProperty("https://flowgate.test/event").GetProperty("session").GetProperty("id").GetString()!;
    }
}
