using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Actions;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Runtime.Sandbox.Packages;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>npm dependencies through the real host: installed at save, loaded at deploy, required by the draft's test run in a worker.</summary>
public sealed class ActionDependenciesApiTests : IAsyncLifetime
{
    private TestNpmRegistry _registry = null!;
    private FlowgateApp _app = null!;

    public async Task InitializeAsync()
    {
        _registry = (await TestNpmRegistry.StartAsync()).Publish(TestPackages.All);
        var nativePackage = new TestPackage("bcrypt", "5.1.1") { Files = { ["binding.gyp"] = "{}", ["index.js"] = "" } };
        _registry.Publish(nativePackage);
        _app = new FlowgateApp(services: s => s.Configure<DependencyOptions>(o => o.Registry = _registry.Url));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _registry.DisposeAsync();
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient http, string code, string dependency) =>
        await http.PostAsJsonAsync("/api/v2/actions/actions", new
        {
            name = ActionsApiTests.Unique("deps"),
            code,
            supported_triggers = new[] { new { id = "post-login" } },
            dependencies = new[] { new { name = dependency, version = "" } },
        });

    [Fact]
    public async Task A_dependency_is_pinned_installed_deployed_and_required_by_the_draft_test()
    {
        var http = await _app.CreateManagementClientAsync();
        const string code = """
            const _ = require('lodashy');
            exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('c', _.chunk([1, 2, 3], 2)); };
            """;

        var created = await CreateAsync(http, code, "lodashy");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var action = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = action.GetProperty("id").GetString()!;
        await ActionsApiTests.DeployAsync(http, id);
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DraftRunner>().RunAsync(id, Flowgate.Runtime.Triggers.TriggerCatalog.Get("post-login").SampleEventJson, CancellationToken.None);

        Assert.Equal("4.17.21", action.GetProperty("dependencies")[0].GetProperty("version").GetString());
        Assert.True(File.Exists(Path.Combine(_app.DataDirectory, "npm", "lodashy", "4.17.21", "package", "lodashy.js")));
        Assert.Null(result.Error);
        Assert.Equal("""["c",[[1,2],[3]]]""", result.Commands.Single().Args.GetRawText());
    }

    [Fact]
    public async Task A_native_add_on_is_refused_at_save_and_a_package_that_cannot_load_at_deploy()
    {
        var http = await _app.CreateManagementClientAsync();

        var native = await CreateAsync(http, "exports.onExecutePostLogin = async () => {};", "bcrypt");
        var saved = await CreateAsync(http, "require('fs-user'); exports.onExecutePostLogin = async () => {};", "fs-user");
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var deploy = await http.PostAsync($"/api/v2/actions/actions/{id}/deploy", null);

        Assert.Equal(HttpStatusCode.BadRequest, native.StatusCode);
        Assert.Contains("The package 'bcrypt@5.1.1' needs a native add-on, which Actions cannot load; use a pure-JavaScript package (e.g. bcryptjs).", await native.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, deploy.StatusCode);
        Assert.Contains("The version cannot be deployed: Error: Cannot find module 'fs' (required by /node_modules/fs-user/index.js)", await deploy.Content.ReadAsStringAsync());
    }
}
