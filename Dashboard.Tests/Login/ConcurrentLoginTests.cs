using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Tests.Login;

/// <summary>
/// One account logging in from many browsers at once (a shared kiosk account, a load test, a user with many tabs):
/// every login gets its tokens and the account's counters count every one of them.
/// </summary>
public sealed class ConcurrentLoginTests : IClassFixture<FlowgateAppFixture>
{
    // Writes the user's metadata on every login, so the flow's write races the other logins' writes as well.
    private const string Stamp = """
        exports.onExecutePostLogin = async (event, api) => {
          api.user.setAppMetadata('last_login_seen', event.request.query.state);
          api.idToken.setCustomClaim('https://flowgate.test/state', event.request.query.state);
        };
        """;

    private const int Logins = 24;
    private readonly FlowgateApp _app;

    public ConcurrentLoginTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Concurrent_full_logins_of_one_account_all_succeed_and_are_all_counted()
    {
        await _app.DeployFlowAsync("post-login", ("stamp", Stamp));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();

        var states = await Task.WhenAll(Enumerable.Range(0, Logins).Select(async i =>
        {
            using var http = _app.CreateBrowserClient();
            var state = $"login-{i}";
            var callback = await http.LogInAtAsync(HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, state), user.Email!);
            var code = QueryHelpers.ParseQuery(callback.Query).GetValueOrDefault("code").ToString();
            Assert.False(string.IsNullOrEmpty(code), callback.ToString());
            var idToken = await http.ExchangeCodeAsync(spa.ClientId, code);
            return idToken.Claims.Single(c => c.Type == "https://flowgate.test/state").Value;
        }));

        Assert.Equal(Enumerable.Range(0, Logins).Select(i => $"login-{i}"), states);
        var management = await _app.CreateManagementClientAsync();
        var saved = await management.GetFromJsonAsync<JsonElement>($"/api/v2/users/{Uri.EscapeDataString(user.Id)}");
        Assert.Equal(Logins, saved.GetProperty("logins_count").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, saved.GetProperty("last_login").ValueKind);
        // One of the logins wrote last: its value, whole, not a mixture or nothing.
        Assert.Contains(saved.GetProperty("app_metadata").GetProperty("last_login_seen").GetString(), states);
    }
}
