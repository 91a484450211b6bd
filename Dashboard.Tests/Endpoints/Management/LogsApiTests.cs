using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Monitoring;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>Tenant log events written by logins and token exchanges, read at <c>/api/v2/logs</c>.</summary>
public sealed class LogsApiTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public LogsApiTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Logins_failures_and_token_exchanges_are_logged_and_a_login_links_to_its_execution()
    {
        await _app.DeployFlowAsync("post-login", ("plan claim", "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://x/plan', 'gold'); };"));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var callback = await _app.LogInAsync(spa.ClientId, user.Email!);
        Assert.False(string.IsNullOrEmpty(QueryHelpers.ParseQuery(callback.Query)["code"].ToString()));
        await HtmlForm.SubmitAsync(_app.CreateBrowserClient(), "/u/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "not it" });
        var http = await _app.CreateManagementClientAsync(scope: "read:logs read:actions");
        await _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);

        var mine = (await http.GetFromJsonAsync<JsonElement[]>($"/api/v2/logs?q=user_id:\"{user.Id}\""))!;

        Assert.Equal(["fp", "s"], mine.Select(e => e.GetProperty("type").GetString()));
        var login = mine[1];
        Assert.Equal(spa.ClientId, login.GetProperty("client_id").GetString());
        Assert.Equal("My SPA", login.GetProperty("client_name").GetString());
        Assert.Equal(user.Email, login.GetProperty("user_name").GetString());
        var executionId = login.GetProperty("details").GetProperty("actions").GetProperty("executions")[0].GetString();
        var execution = await http.GetFromJsonAsync<JsonElement>($"/api/v2/actions/executions/{executionId}");
        Assert.Equal("post-login", execution.GetProperty("trigger_id").GetString());

        var exchanges = await http.GetFromJsonAsync<JsonElement>("/api/v2/logs?q=type:seccft&include_totals=true");
        Assert.True(exchanges.GetProperty("total").GetInt32() >= 1);
        Assert.All(exchanges.GetProperty("logs").EnumerateArray(), e => Assert.Equal("seccft", e.GetProperty("type").GetString()));
        var one = await http.GetFromJsonAsync<JsonElement>($"/api/v2/logs/{login.GetProperty("log_id").GetString()}");
        Assert.Equal("s", one.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Unknown_search_fields_missing_scope_and_unknown_ids_get_auth0_errors()
    {
        var reader = await _app.CreateManagementClientAsync(scope: "read:logs");
        var other = await _app.CreateManagementClientAsync(scope: "read:actions");

        var badField = await reader.GetAsync("/api/v2/logs?q=password:x");
        var forbidden = await other.GetAsync("/api/v2/logs");
        var missing = await reader.GetAsync("/api/v2/logs/90nothing");

        Assert.Equal(HttpStatusCode.BadRequest, badField.StatusCode);
        Assert.Contains("password", (await badField.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/v2/logs")).StatusCode);
    }
}
