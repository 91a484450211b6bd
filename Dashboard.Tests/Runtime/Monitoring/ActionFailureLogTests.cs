using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Monitoring;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Runtime.Monitoring;

/// <summary>A failing Action in the login flow: the login is refused and the tenant log says how the Action failed.</summary>
public sealed class ActionFailureLogTests
{
    [Fact]
    public async Task An_Action_that_throws_is_logged_as_action_error_with_its_name_and_stack()
    {
        using var app = new FlowgateApp();
        var (callback, failure) = await LogInThroughAsync(app, "thrower", "exports.onExecutePostLogin = async (event) => { throw new TypeError('no roles for ' + event.user.email); };");

        Assert.Equal("access_denied", callback["error"]);
        Assert.Equal("action_error", failure.Details.GetProperty("error_class").GetString());
        Assert.Equal("thrower", failure.Details.GetProperty("action_name").GetString());
        Assert.Equal("TypeError", failure.Details.GetProperty("action_error").GetProperty("name").GetString());
        Assert.Contains("action.js", failure.Details.GetProperty("action_error").GetProperty("stack").GetString());
        Assert.Contains("thrower", failure.Event.Description);
        // The execution it links to holds the same error.
        var execution = await app.Services.CreateScope().ServiceProvider.GetRequiredService<ExecutionLog>().GetAsync(failure.Event.ExecutionId!, CancellationToken.None);
        Assert.Equal("action_error", execution.Results.Single().ErrorClass);
        // The Management API serves the same details, found by type and time.
        var http = await app.CreateManagementClientAsync(scope: "read:logs");
        var logs = await http.GetFromJsonAsync<JsonElement[]>("/api/v2/logs?q=" + Uri.EscapeDataString($"type:actions_execution_failed AND date:[{DateTimeOffset.UtcNow.AddMinutes(-5):O} TO *]"));
        Assert.Equal("action_error", logs!.Single().GetProperty("details").GetProperty("error_class").GetString());
        Assert.Equal(failure.Event.ExecutionId, logs!.Single().GetProperty("details").GetProperty("actions").GetProperty("executions")[0].GetString());
    }

    [Fact]
    public async Task An_Action_past_its_deadline_is_logged_as_action_timeout()
    {
        // The real worker sandbox with a one-second deadline instead of Auth0's 20 s, so the test does not wait that long.
        using var app = WorkerSandboxApp.WithDeadline(TimeSpan.FromSeconds(1));
        var (callback, failure) = await LogInThroughAsync(app, "spinner", "exports.onExecutePostLogin = async () => { for (;;) {} };");

        Assert.Equal("access_denied", callback["error"]);
        Assert.Equal("action_timeout", failure.Details.GetProperty("error_class").GetString());
        Assert.Equal("spinner", failure.Details.GetProperty("action_name").GetString());
    }

    [Fact]
    public async Task An_Action_that_kills_its_sandbox_worker_is_logged_as_platform_error()
    {
        // A deadline far away: on a loaded machine the fill outlasts 20 s before V8 aborts, and the watchdog would end it as a timeout first.
        using var app = WorkerSandboxApp.WithDeadline(TimeSpan.FromMinutes(2));
        var (callback, failure) = await LogInThroughAsync(app, "killer", "exports.onExecutePostLogin = async () => { new Array(3e8).fill(1.5); };");

        Assert.Equal("access_denied", callback["error"]);
        Assert.Equal("platform_error", failure.Details.GetProperty("error_class").GetString());
        Assert.Contains("sandbox worker process ended", failure.Details.GetProperty("action_error").GetProperty("message").GetString());
    }

    private static async Task<(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Callback, (TenantLogEvent Event, JsonElement Details) Failure)> LogInThroughAsync(
        FlowgateApp app, string name, string code)
    {
        await app.DeployAndBindAsync((name, code));
        var spa = await app.CreateSpaAsync();
        var user = await app.CreateUserAsync();
        var callback = QueryHelpers.ParseQuery((await app.LogInAsync(spa.ClientId, user.Email!)).Query);
        await app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        var log = app.Services.CreateScope().ServiceProvider.GetRequiredService<TenantLog>();
        var failed = (await log.SearchAsync(new TenantLogQuery(Type: "actions_execution_failed"), 0, 10, CancellationToken.None)).Items.Single();
        Assert.Equal(user.Id, failed.UserId);
        Assert.Equal(spa.ClientId, failed.ClientId);
        return (callback, (failed, JsonDocument.Parse(failed.DetailsJson).RootElement));
    }
}
