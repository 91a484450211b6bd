using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Applications;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Sdk;

/// <summary>
/// Auth0's Deploy CLI (npm <c>auth0-deploy-cli</c>, pinned in <c>Sdk/package-lock.json</c>) exports a Flowgate tenant to YAML
/// and imports it back with its default configuration, over real TLS, as a team moving from Auth0 runs it.
/// </summary>
public sealed class DeployCliTests
{
    private const string Code = "exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('https://example.com/stage', 'one');\n};\n";

    [Fact]
    public async Task An_exported_tenant_with_a_changed_action_imports_deploys_it_still_bound_and_exports_the_same()
    {
        using var certificates = new LoopbackCertificates();
        using var app = KestrelApp.StartHttps(certificates.Server);
        var deployer = await app.CreateApplicationAsync();
        using var http = await ManagementOverTlsAsync(certificates, app, deployer);
        await SeedAsync(app, http);
        var folder = Directory.CreateTempSubdirectory("flowgate-deploy-");
        var environment = new Dictionary<string, string>
        {
            ["AUTH0_DOMAIN"] = new Uri(app.BaseUrl()).Authority,
            ["AUTH0_CLIENT_ID"] = deployer.ClientId,
            ["AUTH0_CLIENT_SECRET"] = deployer.ClientSecret!,
            ["DIR"] = folder.FullName,
            ["NODE_EXTRA_CA_CERTS"] = certificates.WriteAuthorityPem(),
        };
        try
        {
            await RunAsync(environment, "export");
            var yaml = await File.ReadAllTextAsync(Path.Combine(folder.FullName, "tenant.yaml"));
            var code = await File.ReadAllTextAsync(Path.Combine(folder.FullName, "actions", "Stage claim", "code.js"));
            Assert.Contains("'one'", code);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "actions", "Stage claim", "code.js"), code.Replace("'one'", "'two'"));

            await RunAsync(environment, "import", yaml);
            var deployed = await DeployedCodeAsync(http);
            var bindings = await http.GetFromJsonAsync<JsonElement>("/api/v2/actions/triggers/post-login/bindings");
            File.Delete(Path.Combine(folder.FullName, "tenant.yaml"));
            await RunAsync(environment, "export");
            var again = await File.ReadAllTextAsync(Path.Combine(folder.FullName, "tenant.yaml"));
            var codeAgain = await File.ReadAllTextAsync(Path.Combine(folder.FullName, "actions", "Stage claim", "code.js"));

            Assert.Contains("'two'", deployed);
            Assert.Equal(["Stage claim"], bindings.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("action").GetProperty("name").GetString()));
            Assert.Contains("name: Reports", yaml);
            Assert.Contains("value: read:reports", yaml);
            Assert.Contains("name: Reporter", yaml);
            Assert.Contains("permission_name: read:reports", yaml);
            Assert.Contains("name: Nightly export", yaml);
            Assert.Contains("audience: https://reports.example.com", yaml);
            Assert.Equal(yaml, again);
            Assert.Contains("'two'", codeAgain);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<HttpClient> ManagementOverTlsAsync(LoopbackCertificates certificates, FlowgateApp app, ApplicationCredentials credentials)
    {
        var http = certificates.CreateBrowserClient(new Uri(app.BaseUrl()));
        var token = await (await http.RequestTokenAsync(credentials, app.BaseUrl() + "/api/v2/")).JsonAsync();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
        return http;
    }

    private static async Task SeedAsync(FlowgateApp app, HttpClient http)
    {
        const string api = "https://reports.example.com";
        (await http.PostAsJsonAsync("/api/v2/resource-servers", new
        {
            name = "Reports", identifier = api, enforce_policies = true, token_dialect = "access_token_authz",
            scopes = new[] { new { value = "read:reports", description = "Read reports" } },
        })).EnsureSuccessStatusCode();
        var client = await (await http.PostAsJsonAsync("/api/v2/clients", new { name = "Nightly export", app_type = "non_interactive" })).JsonAsync(201);
        (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = client.GetProperty("client_id").GetString(), audience = api, scope = new[] { "read:reports" } })).EnsureSuccessStatusCode();
        var role = await (await http.PostAsJsonAsync("/api/v2/roles", new { name = "Reporter", description = "Reads reports" })).JsonAsync();
        (await http.PostAsJsonAsync($"/api/v2/roles/{role.GetProperty("id").GetString()}/permissions",
            new { permissions = new[] { new { resource_server_identifier = api, permission_name = "read:reports" } } })).EnsureSuccessStatusCode();
        await app.DeployAndBindAsync(("Stage claim", Code));
    }

    private static async Task<string> DeployedCodeAsync(HttpClient http)
    {
        var listed = await http.GetFromJsonAsync<JsonElement>("/api/v2/actions/actions?actionName=Stage%20claim");
        return listed.GetProperty("actions").EnumerateArray().Single().GetProperty("deployed_version").GetProperty("code").GetString()!;
    }

    private static async Task RunAsync(Dictionary<string, string> environment, string step, string? yaml = null)
    {
        var (exitCode, stdout, stderr) = await NodeSdk.RunAsync("deploy-roundtrip.js", new Dictionary<string, string>(environment) { ["STEP"] = step });
        Assert.True(exitCode == 0, $"a0deploy {step} failed:\n{stdout}\n{stderr}\n{yaml}");
    }
}
