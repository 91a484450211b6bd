using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>The Management API's test endpoint against a draft V8 cannot interrupt (it used to never answer).</summary>
public sealed class ActionTestWatchdogTests
{
    [Fact]
    public async Task Testing_a_draft_that_ignores_its_deadline_answers_with_a_timeout_and_the_next_test_runs()
    {
        using var app = WorkerSandboxApp.WithDeadline(TimeSpan.FromSeconds(1));
        var http = await app.CreateManagementClientAsync();
        var sort = await CreateAsync(http, "sorts forever", "exports.onExecutePostLogin = async (event, api) => { const a = []; a[2**31] = 1; a.sort(); };");
        var trivial = await CreateAsync(http, "trivial", "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('ok', 1); };");

        var clock = Stopwatch.StartNew();
        var timedOut = await TestAsync(http, sort);
        clock.Stop();
        var next = await TestAsync(http, trivial);

        Assert.Contains("'sorts forever' did not finish within 1000 ms", timedOut.GetProperty("error").GetProperty("message").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1 + 2 + 2), $"the test answered after {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(JsonValueKind.Null, next.GetProperty("error").ValueKind);
        Assert.Equal("idToken.setCustomClaim", next.GetProperty("commands")[0].GetProperty("method").GetString());
    }

    private static async Task<string> CreateAsync(HttpClient http, string name, string code)
    {
        var response = await http.PostAsJsonAsync("/api/v2/actions/actions", new { name, supported_triggers = new[] { new { id = "post-login" } }, code });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> TestAsync(HttpClient http, string id)
    {
        var response = await http.PostAsJsonAsync($"/api/v2/actions/actions/{id}/test", new { payload = new { user = new { user_id = "auth0|1" } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payload");
    }
}
