using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using static Flowgate.Tests.Endpoints.Management.ActionsApiTests;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>Logins through a bound post-login flow leave execution records, read back at <c>/api/v2/actions/executions/{id}</c>.</summary>
public sealed class ExecutionsApiTests : IClassFixture<FlowgateAppFixture>
{
    private const string Claims = """
        exports.onExecutePostLogin = async (event, api) => {
          console.log('client: ' + event.client.name);
          api.idToken.setCustomClaim('https://example.com/plan', 'gold');
        };
        """;

    private const string Throws = """
        exports.onExecutePostLogin = async (event, api) => {
          const plan = event.user.app_metadata.plan.toUpperCase();
        };
        """;

    private readonly FlowgateApp _app;

    public ExecutionsApiTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_login_is_recorded_per_Action_and_read_back_in_auth0s_shape()
    {
        var (id, first, second, callback, _) = await LogInThroughTheFlowAsync();
        var http = await _app.CreateManagementClientAsync(scope: "read:actions");
        var response = await http.GetAsync($"/api/v2/actions/executions/{id}");

        Assert.Equal("access_denied", callback["error"].ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var execution = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, execution.GetProperty("id").GetString());
        Assert.Equal("post-login", execution.GetProperty("trigger_id").GetString());
        Assert.Equal("partial", execution.GetProperty("status").GetString());
        var results = execution.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([first, second], results.Select(r => r.GetProperty("action_name").GetString()));
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("error").ValueKind);
        Assert.Equal("action_error", results[1].GetProperty("error").GetProperty("id").GetString());
        Assert.StartsWith("TypeError: Cannot read properties of undefined", results[1].GetProperty("error").GetProperty("msg").GetString());
        var started = results[0].GetProperty("started_at").GetDateTimeOffset();
        Assert.True(started <= results[0].GetProperty("ended_at").GetDateTimeOffset());
        Assert.True(results[0].GetProperty("ended_at").GetDateTimeOffset() <= results[1].GetProperty("started_at").GetDateTimeOffset());
        Assert.Equal(started, execution.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(results[1].GetProperty("ended_at").GetDateTimeOffset(), execution.GetProperty("updated_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_record_keeps_each_Actions_console_output_commands_stats_and_error_stack()
    {
        var (id, _, _, _, email) = await LogInThroughTheFlowAsync();

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        var results = await db.ExecutionResults.Where(r => r.ExecutionId == id).OrderBy(r => r.Order).ToListAsync();
        Assert.Equal(["success", "failed"], results.Select(r => r.Status));
        Assert.Equal("client: My SPA", results[0].Logs);
        var command = JsonDocument.Parse(results[0].CommandsJson).RootElement[0];
        Assert.Equal("idToken.setCustomClaim", command.GetProperty("method").GetString());
        Assert.Equal("gold", command.GetProperty("args")[1].GetString());
        Assert.True(JsonDocument.Parse(results[0].StatsJson).RootElement.GetProperty("action_duration_ms").GetDouble() >= 0);
        Assert.Equal("TypeError", results[1].ErrorName);
        Assert.Contains("onExecutePostLogin", results[1].ErrorStack);
        // The event is kept so the run can be replayed in the test panel.
        Assert.Contains(email, (await db.Executions.SingleAsync(e => e.Id == id)).EventJson);
    }

    [Fact]
    public async Task Reading_an_execution_needs_the_read_actions_scope_and_an_unknown_id_is_a_404()
    {
        var anonymous = await _app.CreateClient().GetAsync("/api/v2/actions/executions/any");
        var wrongScope = await (await _app.CreateManagementClientAsync(scope: "read:resource_servers")).GetAsync("/api/v2/actions/executions/any");
        var unknown = await (await _app.CreateManagementClientAsync(scope: "read:actions")).GetAsync("/api/v2/actions/executions/3f1c0000-0000-0000-0000-000000000000");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongScope.StatusCode);
        Assert.Contains("read:actions", (await wrongScope.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Execution not found: 3f1c0000-0000-0000-0000-000000000000", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    // A new user logs in through a flow of two new Actions, the second of which throws.
    private async Task<(string ExecutionId, string First, string Second, Dictionary<string, StringValues> Callback, string Email)> LogInThroughTheFlowAsync()
    {
        var (first, second) = (Unique("claims"), Unique("throws"));
        await _app.DeployAndBindAsync((first, Claims), (second, Throws));
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var callback = QueryHelpers.ParseQuery((await _app.LogInAsync(spa.ClientId, user.Email!)).Query);

        // Records are written in the background: wait for the queue, then find the run by its (unique) first Action.
        await _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        var id = await db.ExecutionResults.Where(r => r.ActionName == first).Select(r => r.ExecutionId).SingleAsync();
        return (id, first, second, callback, user.Email!);
    }
}
