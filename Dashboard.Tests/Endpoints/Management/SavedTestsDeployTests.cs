using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Actions.SavedTests;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Flowgate.Tests.Endpoints.Management.ActionsApiTests;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>POST /api/v2/actions/actions/{id}/deploy runs the Action's saved tests first.</summary>
public sealed class SavedTestsDeployTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    private const string Event = """{"user":{"user_id":"auth0|1","email":"ada@example.com","app_metadata":{"plan":"gold"}}}""";
    private const string SetsPlan = "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://example.com/plan', event.user.app_metadata.plan); };";
    private const string DeniesEveryone = "exports.onExecutePostLogin = async (event, api) => { api.access.deny('closed'); };";

    [Fact]
    public async Task A_draft_that_breaks_a_saved_test_is_refused_with_the_tests_name_and_reason_until_fixed_or_forced()
    {
        var http = await fixture.App.CreateManagementClientAsync();
        var id = await CreateAsync(http, Unique("gated"), SetsPlan);
        await AddTestsAsync(id,
            SavedTestInput.ForClaim("gold plan claim", Event, "id", "https://example.com/plan", "\"gold\""),
            new SavedTestInput("lets ada in", Event, SavedTestKinds.NoDeny));
        await DeployAsync(http, id);

        await http.PatchAsJsonAsync($"/api/v2/actions/actions/{id}", new { code = DeniesEveryone });
        var refused = await http.PostAsync($"/api/v2/actions/actions/{id}/deploy", null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("saved_tests_failed", error.GetProperty("errorCode").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("'gold plan claim': Expected the id token claim 'https://example.com/plan' = \"gold\"; the draft did not set it.", message);
        Assert.Contains("'lets ada in': Expected no deny; the draft called access.deny(\"closed\").", message);
        Assert.Equal(1, await DeployedNumberAsync(http, id));

        var forced = await http.PostAsync($"/api/v2/actions/actions/{id}/deploy?force=true", null);
        Assert.Equal(HttpStatusCode.Accepted, forced.StatusCode);
        Assert.Equal(2, await DeployedNumberAsync(http, id));

        await http.PatchAsJsonAsync($"/api/v2/actions/actions/{id}", new { code = SetsPlan });
        await DeployAsync(http, id);
        Assert.Equal(3, await DeployedNumberAsync(http, id));
    }

    [Fact]
    public async Task Recorded_commands_must_match_exactly_and_a_throwing_draft_fails_with_its_error()
    {
        var id = await CreateAsync(await fixture.App.CreateManagementClientAsync(), Unique("commands"), SetsPlan);
        await AddTestsAsync(id, SavedTestInput.ForCommands("as recorded", Event, [("idToken.setCustomClaim", """["https://example.com/plan","gold"]""")]));
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var suite = scope.ServiceProvider.GetRequiredService<SavedTestSuite>();
        Assert.True((await suite.RunAllAsync(id, CancellationToken.None)).Single().Passed);

        await scope.ServiceProvider.GetRequiredService<Flowgate.Runtime.Actions.ActionService>().UpdateDraftAsync(id,
            new() { Code = "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://example.com/plan', 'silver'); };" }, CancellationToken.None);
        var changed = (await suite.RunAllAsync(id, CancellationToken.None)).Single();
        Assert.Equal("Expected the commands idToken.setCustomClaim(\"https://example.com/plan\", \"gold\"); the draft issued idToken.setCustomClaim(\"https://example.com/plan\", \"silver\").", changed.Reason);

        await scope.ServiceProvider.GetRequiredService<Flowgate.Runtime.Actions.ActionService>().UpdateDraftAsync(id,
            new() { Code = "exports.onExecutePostLogin = async (event) => { throw new Error('boom'); };" }, CancellationToken.None);
        Assert.Equal("The draft failed (action_error): Error: boom", (await suite.RunAllAsync(id, CancellationToken.None)).Single().Reason);
    }

    private async Task AddTestsAsync(string actionId, params SavedTestInput[] tests)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        foreach (var test in tests)
            await scope.ServiceProvider.GetRequiredService<SavedTestSuite>().AddAsync(actionId, test, CancellationToken.None);
    }

    private static async Task<int> DeployedNumberAsync(HttpClient http, string id) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/v2/actions/actions/{id}")).GetProperty("deployed_version").GetProperty("number").GetInt32();
}
