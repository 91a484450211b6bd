using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using static Flowgate.Tests.Endpoints.Management.ActionsApiTests;

namespace Flowgate.Tests.Endpoints.Management;

public sealed class BindingsApiTests : IClassFixture<FlowgateAppFixture>
{
    private const string Code = "exports.onExecutePostLogin = async (event, api) => {};";
    private readonly FlowgateApp _app;

    public BindingsApiTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Patch_replaces_the_flow_in_order_and_refuses_what_cannot_run()
    {
        var http = await _app.CreateManagementClientAsync();
        var first = Unique("first");
        var second = Unique("second");
        await DeployAsync(http, await CreateAsync(http, first, Code));
        var secondId = await CreateAsync(http, second, Code);
        await DeployAsync(http, secondId);
        var undeployed = Unique("draft-only");
        await CreateAsync(http, undeployed, Code);
        var otherTrigger = Unique("m2m");
        await DeployAsync(http, await CreateAsync(http, otherTrigger, "exports.onExecuteCredentialsExchange = async () => {};", "credentials-exchange"));

        var applied = await http.PatchAsJsonAsync("/api/v2/actions/triggers/pre-user-registration/bindings", new { bindings = new object[] { } });
        var ok = await http.PatchAsJsonAsync("/api/v2/actions/triggers/post-login/bindings", new
        {
            bindings = new object[]
            {
                new { @ref = new { type = "action_id", value = secondId }, display_name = "Second first" },
                new { @ref = new { type = "action_name", value = first } },
            },
        });
        var notDeployed = await Bind(http, undeployed);
        var wrongTrigger = await Bind(http, otherTrigger);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var flow = await http.GetFromJsonAsync<JsonElement>("/api/v2/actions/triggers/post-login/bindings");
        Assert.Equal(["Second first", first], flow.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("display_name").GetString()));
        Assert.Equal(second, flow.GetProperty("bindings")[0].GetProperty("action").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, notDeployed.StatusCode);
        Assert.Contains("never been deployed", await notDeployed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrongTrigger.StatusCode);
        Assert.Contains("credentials-exchange", await wrongTrigger.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task More_than_twenty_actions_in_a_flow_are_refused()
    {
        var http = await _app.CreateManagementClientAsync();
        var name = Unique("many");
        await DeployAsync(http, await CreateAsync(http, name, "exports.onExecutePostChangePassword = async () => {};", "post-change-password"));

        var response = await http.PatchAsJsonAsync("/api/v2/actions/triggers/post-change-password/bindings", new
        {
            bindings = Enumerable.Repeat(new { @ref = new { type = "action_name", value = name } }, 21),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 20", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bound_action_is_deleted_only_with_force_which_unbinds_it()
    {
        var http = await _app.CreateManagementClientAsync();
        var name = Unique("bound");
        var id = await CreateAsync(http, name, "exports.onExecuteSendPhoneMessage = async () => {};", "send-phone-message");
        await DeployAsync(http, id);
        (await http.PatchAsJsonAsync("/api/v2/actions/triggers/send-phone-message/bindings", new { bindings = new[] { new { @ref = new { type = "action_id", value = id } } } })).EnsureSuccessStatusCode();

        var refused = await http.DeleteAsync($"/api/v2/actions/actions/{id}");
        var forced = await http.DeleteAsync($"/api/v2/actions/actions/{id}?force=true");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("bound", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        var flow = await http.GetFromJsonAsync<JsonElement>("/api/v2/actions/triggers/send-phone-message/bindings");
        Assert.DoesNotContain(flow.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("action").GetProperty("id").GetString() == id);
    }

    private static Task<HttpResponseMessage> Bind(HttpClient http, string name) =>
        http.PatchAsJsonAsync("/api/v2/actions/triggers/post-login/bindings", new { bindings = new[] { new { @ref = new { type = "action_name", value = name } } } });
}
