using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints.Management;

public sealed class ActionsApiTests : IClassFixture<FlowgateAppFixture>
{
    private const string RolesToClaims = """
        exports.onExecutePostLogin = async (event, api) => {
          const namespace = 'https://my-app.example.com';
          if (event.authorization) {
            api.idToken.setCustomClaim(`${namespace}/roles`, event.authorization.roles);
          }
        };
        """;

    private readonly FlowgateApp _app;

    public ActionsApiTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_new_action_starts_from_the_triggers_template_and_never_returns_secret_values()
    {
        var http = await _app.CreateManagementClientAsync();

        var response = await http.PostAsJsonAsync("/api/v2/actions/actions", new
        {
            name = Unique("template"),
            supported_triggers = new[] { new { id = "post-login", version = "v3" } },
            secrets = new[] { new { name = "API_KEY", value = "sk_live_do_not_leak" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("sk_live_do_not_leak", text);
        var action = JsonDocument.Parse(text).RootElement;
        Assert.Contains("exports.onExecutePostLogin = async (event, api)", action.GetProperty("code").GetString());
        Assert.Contains("@param {PostLoginAPI} api", action.GetProperty("code").GetString());
        Assert.Equal("API_KEY", action.GetProperty("secrets")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, action.GetProperty("deployed_version").ValueKind);

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        var stored = await db.ActionSecrets.SingleAsync(s => s.ActionId == action.GetProperty("id").GetString());
        Assert.DoesNotContain("sk_live_do_not_leak", stored.ProtectedValue);
    }

    [Fact]
    public async Task Drafts_deploy_as_numbered_versions_and_rollback_deploys_an_old_one_as_new()
    {
        var http = await _app.CreateManagementClientAsync();
        var id = await CreateAsync(http, Unique("versions"), RolesToClaims);

        var v1 = await DeployAsync(http, id);
        await Patch(http, id, new { code = RolesToClaims.Replace("roles`", "groups`", StringComparison.Ordinal) });
        var afterSave = await http.GetFromJsonAsync<JsonElement>($"/api/v2/actions/actions/{id}");
        // Saving the draft does not touch what runs.
        Assert.False(afterSave.GetProperty("all_changes_deployed").GetBoolean());
        Assert.Equal(RolesToClaims, afterSave.GetProperty("deployed_version").GetProperty("code").GetString());

        var v2 = await DeployAsync(http, id);
        var rollback = await http.PostAsync($"/api/v2/actions/actions/{id}/versions/{v1.GetProperty("id").GetString()}/deploy", null);

        Assert.Equal(HttpStatusCode.Accepted, rollback.StatusCode);
        var v3 = await rollback.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([1, 2, 3], new[] { v1, v2, v3 }.Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(RolesToClaims, v3.GetProperty("code").GetString());
        var versions = await http.GetFromJsonAsync<JsonElement>($"/api/v2/actions/actions/{id}/versions");
        Assert.Equal(3, versions.GetProperty("total").GetInt32());
        Assert.Equal([3], versions.GetProperty("versions").EnumerateArray().Where(v => v.GetProperty("deployed").GetBoolean()).Select(v => v.GetProperty("number").GetInt32()));
        var action = await http.GetFromJsonAsync<JsonElement>($"/api/v2/actions/actions/{id}");
        Assert.Equal(3, action.GetProperty("deployed_version").GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Rollback_with_update_draft_makes_the_draft_a_copy_of_the_old_version()
    {
        var http = await _app.CreateManagementClientAsync();
        var id = await CreateAsync(http, Unique("restore"), RolesToClaims);
        var v1 = await DeployAsync(http, id);
        await Patch(http, id, new { code = "exports.onExecutePostLogin = async () => {};", secrets = new[] { new { name = "LATER", value = "x" } } });
        await DeployAsync(http, id);

        var rollback = await http.PostAsJsonAsync($"/api/v2/actions/actions/{id}/versions/{v1.GetProperty("id").GetString()}/deploy", new { update_draft = true });

        Assert.Equal(HttpStatusCode.Accepted, rollback.StatusCode);
        var action = await http.GetFromJsonAsync<JsonElement>($"/api/v2/actions/actions/{id}");
        Assert.Equal(RolesToClaims, action.GetProperty("code").GetString());
        Assert.Equal(0, action.GetProperty("secrets").GetArrayLength());
        Assert.True(action.GetProperty("all_changes_deployed").GetBoolean());
    }

    [Fact]
    public async Task The_list_shows_each_Actions_deployed_version()
    {
        var http = await _app.CreateManagementClientAsync();
        var (twice, never, once) = (Unique("twice"), Unique("never"), Unique("once"));
        var twiceId = await CreateAsync(http, twice, RolesToClaims);
        await DeployAsync(http, twiceId);
        await DeployAsync(http, twiceId);
        await CreateAsync(http, never, RolesToClaims);
        await DeployAsync(http, await CreateAsync(http, once, RolesToClaims));

        var list = await http.GetFromJsonAsync<JsonElement>("/api/v2/actions/actions?per_page=100");

        var deployed = list.GetProperty("actions").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("deployed_version"));
        Assert.Equal(2, deployed[twice].GetProperty("number").GetInt32());
        Assert.Equal(RolesToClaims, deployed[twice].GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, deployed[never].ValueKind);
        Assert.Equal(1, deployed[once].GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Deploying_code_with_a_syntax_error_is_refused_with_the_error_and_its_line()
    {
        var http = await _app.CreateManagementClientAsync();
        var id = await CreateAsync(http, Unique("broken"), "exports.onExecutePostLogin = async (event, api) => {\n  api.access.deny('x'\n};\n");

        var response = await http.PostAsync($"/api/v2/actions/actions/{id}/deploy", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString();
        Assert.Contains("SyntaxError", message);
        Assert.True(message!.Contains("missing ) after argument list (line 2, column 19)"), message);
    }

    [Fact]
    public async Task Deploying_code_that_throws_while_loading_is_refused_with_the_javascript_error()
    {
        var http = await _app.CreateManagementClientAsync();
        var id = await CreateAsync(http, Unique("throws at load"), "const config = JSON.parse('{not json');\nexports.onExecutePostLogin = async () => {};\n");

        var response = await http.PostAsync($"/api/v2/actions/actions/{id}/deploy", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("SyntaxError", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(0, (await http.GetFromJsonAsync<JsonElement>($"/api/v2/actions/actions/{id}/versions")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Testing_a_draft_runs_it_in_the_sandbox_with_its_secrets_and_returns_commands_and_logs()
    {
        var http = await _app.CreateManagementClientAsync();
        var response = await http.PostAsJsonAsync("/api/v2/actions/actions", new
        {
            name = Unique("tested"),
            supported_triggers = new[] { new { id = "post-login" } },
            code = "exports.onExecutePostLogin = async (event, api) => { console.log('hi ' + event.user.email); api.idToken.setCustomClaim('https://x/k', event.secrets.KEY.length); };",
            secrets = new[] { new { name = "KEY", value = "12345" } },
        });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var test = await http.PostAsJsonAsync($"/api/v2/actions/actions/{id}/test", new { payload = new { user = new { user_id = "auth0|1", email = "j@example.com" } } });

        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        var payload = (await test.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payload");
        var command = payload.GetProperty("commands")[0];
        Assert.Equal("idToken.setCustomClaim", command.GetProperty("method").GetString());
        Assert.Equal(5, command.GetProperty("args")[1].GetInt32());
        Assert.Contains("hi j@example.com", payload.GetProperty("logs")[0].GetString());
        // A test is no one's login: it runs as a flow but never reaches the execution log.
        await _app.Services.GetRequiredService<Flowgate.Runtime.Monitoring.ExecutionRecorder>().FlushAsync(CancellationToken.None);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        Assert.False(await db.ExecutionResults.AnyAsync(r => r.ActionId == id));
    }

    [Fact]
    public async Task Bad_requests_get_clear_errors()
    {
        var http = await _app.CreateManagementClientAsync();
        var name = Unique("dup");
        await CreateAsync(http, name, RolesToClaims);

        var unknownTrigger = await http.PostAsJsonAsync("/api/v2/actions/actions", new { name = Unique("x"), supported_triggers = new[] { new { id = "post-nothing" } } });
        var duplicate = await http.PostAsJsonAsync("/api/v2/actions/actions", new { name, supported_triggers = new[] { new { id = "post-login" } } });
        var missing = await http.GetAsync("/api/v2/actions/actions/does-not-exist");
        var malformed = await http.PostAsync("/api/v2/actions/actions", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, unknownTrigger.StatusCode);
        Assert.Contains("Unknown trigger 'post-nothing'", await unknownTrigger.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(400, (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusCode").GetInt32());
    }

    internal static async Task<string> CreateAsync(HttpClient http, string name, string code, string trigger = "post-login")
    {
        var response = await http.PostAsJsonAsync("/api/v2/actions/actions", new { name, code, supported_triggers = new[] { new { id = trigger } } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    internal static async Task<JsonElement> DeployAsync(HttpClient http, string id)
    {
        var response = await http.PostAsync($"/api/v2/actions/actions/{id}/deploy", null);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task Patch(HttpClient http, string id, object body)
    {
        var response = await http.PatchAsJsonAsync($"/api/v2/actions/actions/{id}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
