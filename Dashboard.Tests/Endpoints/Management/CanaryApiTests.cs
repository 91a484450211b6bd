using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Monitoring;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Flowgate.Tests.Endpoints.Management.ActionsApiTests;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>
/// Safe deploys over the Management API with real V8 runs: a canary deployed for a share of client-credentials exchanges,
/// watched through <c>GET .../canary</c>, promoted, or rolled back automatically when it fails. Its own app: the tests
/// bind the tenant's credentials-exchange flow, which every token request of the app runs.
/// </summary>
public sealed class CanaryApiTests(CanaryApiTests.Host host) : IClassFixture<CanaryApiTests.Host>
{
    private const string Claim = "https://flowgate.test/version";

    private static string Code(string tag) => $$"""
        exports.onExecuteCredentialsExchange = async (event, api) => {
          api.accessToken.setCustomClaim('{{Claim}}', '{{tag}}');
        };
        """;

    private const string Throwing = """
        exports.onExecuteCredentialsExchange = async (event, api) => {
          throw new Error('canary broke');
        };
        """;

    private readonly FlowgateApp _app = host.App;

    [Fact]
    public async Task A_canary_at_50_percent_runs_beside_the_deployed_version_until_it_is_promoted()
    {
        var (admin, id) = await BoundActionAsync(Code("v1"));
        await UpdateDraftAsync(admin, id, Code("v2"));

        var started = await admin.PostAsJsonAsync($"/api/v2/actions/actions/{id}/canary", new { percent = 50, max_failure_rate = 0.5, min_executions = 10 });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var client = await _app.CreateApplicationAsync();
        var seen = new List<string?>();
        for (var i = 0; i < 40; i++)
            seen.Add(await VersionClaimAsync(client));

        // Both versions answer, and only they: 40 draws at 50 % all alike would be a 2-in-a-trillion chance.
        Assert.Contains("v1", seen);
        Assert.Contains("v2", seen);
        Assert.All(seen, v => Assert.True(v is "v1" or "v2", v));
        await FlushAsync();
        var state = await admin.GetFromJsonAsync<JsonElement>($"/api/v2/actions/actions/{id}/canary");
        Assert.Equal("running", state.GetProperty("status").GetString());
        Assert.Equal(50, state.GetProperty("percent").GetInt32());
        Assert.Equal(seen.Count(v => v == "v1"), state.GetProperty("stable_version").GetProperty("executions").GetInt32());
        Assert.Equal(seen.Count(v => v == "v2"), state.GetProperty("canary_version").GetProperty("executions").GetInt32());
        Assert.Equal(0, state.GetProperty("canary_version").GetProperty("failures").GetInt32());
        Assert.True(state.GetProperty("canary_version").GetProperty("p95_ms").GetDouble() >= 0);

        (await admin.PostAsync($"/api/v2/actions/actions/{id}/canary/promote", null)).EnsureSuccessStatusCode();
        for (var i = 0; i < 10; i++)
            Assert.Equal("v2", await VersionClaimAsync(client));
        var action = await admin.GetFromJsonAsync<JsonElement>($"/api/v2/actions/actions/{id}");
        Assert.Equal(2, action.GetProperty("deployed_version").GetProperty("number").GetInt32());
        Assert.True(action.GetProperty("all_changes_deployed").GetBoolean());
        Assert.Equal("none", (await admin.GetFromJsonAsync<JsonElement>($"/api/v2/actions/actions/{id}/canary")).GetProperty("status").GetString());
        await FlushAsync();
        Assert.Single(await LogsAsync(admin, "flowgate_canary_promoted", id));
    }

    [Fact]
    public async Task A_failing_canary_is_rolled_back_automatically_after_its_minimum_sample_and_the_log_says_so()
    {
        var (admin, id) = await BoundActionAsync(Code("v1"));
        await UpdateDraftAsync(admin, id, Throwing);
        var started = await admin.PostAsJsonAsync($"/api/v2/actions/actions/{id}/canary", new { percent = 99, max_failure_rate = 0.5, min_executions = 3 });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var client = await _app.CreateApplicationAsync();

        var failures = 0;
        for (var i = 0; i < 100 && await CanaryStatusAsync(admin, id) == "running"; i++)
        {
            // One failure out of one (or two) must not end it: the canary still runs until its third.
            Assert.True(failures < 3, "the canary outlived its minimum sample of failures");
            if (await VersionClaimAsync(client, expectSuccess: false) is null)
                failures++;
        }

        Assert.Equal(3, failures);
        Assert.Equal("none", await CanaryStatusAsync(admin, id));
        for (var i = 0; i < 10; i++)
            Assert.Equal("v1", await VersionClaimAsync(client));
        await FlushAsync();
        var rolledBack = Assert.Single(await LogsAsync(admin, "flowgate_canary_rolled_back", id));
        Assert.Contains("rolled back automatically", rolledBack.GetProperty("description").GetString());
        Assert.Contains("canary 100 % of 3 failed", rolledBack.GetProperty("description").GetString());
        Assert.Single(await LogsAsync(admin, "flowgate_canary_started", id));
    }

    [Fact]
    public async Task Promote_and_rollback_raced_against_each_other_end_the_canary_once()
    {
        var (admin, id) = await BoundActionAsync(Code("v1"));
        await UpdateDraftAsync(admin, id, Code("v2"));
        (await admin.PostAsJsonAsync($"/api/v2/actions/actions/{id}/canary", new { percent = 10 })).EnsureSuccessStatusCode();

        var ends = await Task.WhenAll(
            admin.PostAsync($"/api/v2/actions/actions/{id}/canary/promote", null), admin.PostAsync($"/api/v2/actions/actions/{id}/canary/rollback", null),
            admin.PostAsync($"/api/v2/actions/actions/{id}/canary/rollback", null), admin.PostAsync($"/api/v2/actions/actions/{id}/canary/promote", null));

        Assert.Single(ends, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(ends.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await FlushAsync();
        var logged = (await LogsAsync(admin, "flowgate_canary_promoted", id)).Count + (await LogsAsync(admin, "flowgate_canary_rolled_back", id)).Count;
        Assert.Equal(1, logged);
    }

    [Fact]
    public async Task A_canary_needs_a_deployed_version_and_sane_settings()
    {
        var admin = await host.AdminAsync();
        var id = await CreateAsync(admin, Unique("undeployed"), Code("v1"), "credentials-exchange");

        var undeployed = await admin.PostAsJsonAsync($"/api/v2/actions/actions/{id}/canary", new { percent = 10 });
        await DeployAsync(admin, id);
        var tooMuch = await admin.PostAsJsonAsync($"/api/v2/actions/actions/{id}/canary", new { percent = 100 });
        var noCanary = await admin.PostAsync($"/api/v2/actions/actions/{id}/canary/promote", null);

        Assert.Equal(HttpStatusCode.BadRequest, undeployed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("percent", await tooMuch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, noCanary.StatusCode);
    }

    private async Task<(HttpClient Admin, string Id)> BoundActionAsync(string code)
    {
        var admin = await host.AdminAsync();
        var id = await CreateAsync(admin, Unique("canary"), code, "credentials-exchange");
        await DeployAsync(admin, id);
        var bound = await admin.PatchAsJsonAsync("/api/v2/actions/triggers/credentials-exchange/bindings",
            new { bindings = new[] { new { @ref = new { type = "action_id", value = id } } } });
        Assert.True(bound.IsSuccessStatusCode, await bound.Content.ReadAsStringAsync());
        return (admin, id);
    }

    private static async Task UpdateDraftAsync(HttpClient admin, string id, string code) =>
        (await admin.PatchAsJsonAsync($"/api/v2/actions/actions/{id}", new { code })).EnsureSuccessStatusCode();

    private async Task<string?> VersionClaimAsync(Flowgate.Runtime.Applications.ApplicationCredentials client, bool expectSuccess = true)
    {
        var response = await _app.CreateClient().RequestTokenAsync(client, _app.ManagementAudience);
        if (!response.IsSuccessStatusCode)
        {
            Assert.False(expectSuccess, await response.Content.ReadAsStringAsync());
            return null;
        }
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        return new JwtSecurityTokenHandler().ReadJwtToken(token).Claims.SingleOrDefault(c => c.Type == Claim)?.Value;
    }

    private static async Task<string?> CanaryStatusAsync(HttpClient admin, string id) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v2/actions/actions/{id}/canary")).GetProperty("status").GetString();

    private static async Task<List<JsonElement>> LogsAsync(HttpClient admin, string type, string actionId)
    {
        var logs = await admin.GetFromJsonAsync<JsonElement>($"/api/v2/logs?q=type:{type}&per_page=100");
        return [.. logs.EnumerateArray().Where(l => l.GetProperty("details").GetProperty("action_id").GetString() == actionId)];
    }

    private Task FlushAsync() => _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);

    /// <summary>The class's own app (see the summary) and its administrator.</summary>
    public sealed class Host : IDisposable
    {
        private HttpClient? _admin;

        public FlowgateApp App { get; } = new();

        // One management token, taken before any test binds the flow, so a failing canary cannot lock the tests out.
        public async Task<HttpClient> AdminAsync() => _admin ??= await App.CreateManagementClientAsync();

        public void Dispose()
        {
            _admin?.Dispose();
            App.Dispose();
        }
    }
}
