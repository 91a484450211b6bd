using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Store;
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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Concurrent_full_logins_of_one_account_all_succeed_and_are_all_counted(DatabaseProvider provider)
    {
        // On PostgreSQL the logins' writes really run at once (no file lock between them).
        using var database = provider == DatabaseProvider.Sqlite ? null : TestDatabase.Create(provider);
        using var own = database is null ? null : new FlowgateApp(database);
        var app = own ?? _app;
        await app.DeployFlowAsync("post-login", ("stamp", Stamp));
        var spa = await app.CreateSpaAsync();
        var user = await app.CreateUserAsync();

        var states = await Task.WhenAll(Enumerable.Range(0, Logins).Select(async i =>
        {
            using var http = app.CreateBrowserClient();
            var state = $"login-{i}";
            var callback = await http.LogInAtAsync(HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, state), user.Email!);
            var code = QueryHelpers.ParseQuery(callback.Query).GetValueOrDefault("code").ToString();
            Assert.False(string.IsNullOrEmpty(code), callback.ToString());
            var idToken = await http.ExchangeCodeAsync(spa.ClientId, code);
            return idToken.Claims.Single(c => c.Type == "https://flowgate.test/state").Value;
        }));

        Assert.Equal(Enumerable.Range(0, Logins).Select(i => $"login-{i}"), states);
        var management = await app.CreateManagementClientAsync();
        var saved = await management.GetFromJsonAsync<JsonElement>($"/api/v2/users/{Uri.EscapeDataString(user.Id)}");
        Assert.Equal(Logins, saved.GetProperty("logins_count").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, saved.GetProperty("last_login").ValueKind);
        // One of the logins wrote last: its value, whole, not a mixture or nothing.
        Assert.Contains(saved.GetProperty("app_metadata").GetProperty("last_login_seen").GetString(), states);
    }
}
