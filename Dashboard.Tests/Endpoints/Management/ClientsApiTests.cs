using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints.Management;

public sealed class ClientsApiTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public ClientsApiTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_single_page_app_is_a_public_client_without_a_secret()
    {
        var http = await _app.CreateManagementClientAsync();

        var spa = await (await http.PostAsJsonAsync("/api/v2/clients", new
        {
            name = "My SPA", app_type = "spa", callbacks = new[] { "https://app.example.com/callback" }, web_origins = new[] { "https://app.example.com" },
        })).JsonAsync(201);

        Assert.Equal(JsonValueKind.Null, spa.GetProperty("client_secret").ValueKind);
        Assert.Equal("none", spa.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal(["authorization_code", "refresh_token"], spa.GetProperty("grant_types").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("https://app.example.com/callback", spa.GetProperty("callbacks")[0].GetString());
        Assert.Equal("https://app.example.com", spa.GetProperty("web_origins")[0].GetString());
        await (await http.PostAsync($"/api/v2/clients/{spa.GetProperty("client_id").GetString()}/rotate-secret", null))
            .AssertErrorAsync(400, "public client");
    }

    [Fact]
    public async Task A_regular_web_apps_secret_is_shown_once_and_stored_only_as_a_hash()
    {
        var http = await _app.CreateManagementClientAsync();

        var web = await (await http.PostAsJsonAsync("/api/v2/clients", new { name = "Web", app_type = "regular_web" })).JsonAsync(201);
        var clientId = web.GetProperty("client_id").GetString()!;
        var secret = web.GetProperty("client_secret").GetString()!;
        var read = await http.GetFromJsonAsync<JsonElement>($"/api/v2/clients/{clientId}");
        var listed = await http.GetFromJsonAsync<JsonElement>("/api/v2/clients?app_type=regular_web&per_page=100");

        Assert.True(secret.Length >= 43);
        Assert.Equal("client_secret_post", web.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("client_secret").ValueKind);
        Assert.Contains(clientId, listed.EnumerateArray().Select(c => c.GetProperty("client_id").GetString()));
        Assert.All(listed.EnumerateArray(), c => Assert.Equal("regular_web", c.GetProperty("app_type").GetString()));
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        var stored = await db.Set<FlowgateApplication>().SingleAsync(a => a.ClientId == clientId);
        Assert.NotEqual(secret, stored.ClientSecret);
        Assert.DoesNotContain(secret, stored.ClientSecret!);
    }

    [Fact]
    public async Task Rotating_a_secret_makes_the_old_one_useless_at_the_token_endpoint()
    {
        var http = await _app.CreateManagementClientAsync();
        var m2m = await (await http.PostAsJsonAsync("/api/v2/clients", new { name = "Worker", app_type = "non_interactive" })).JsonAsync(201);
        var credentials = new ApplicationCredentials("Worker", m2m.GetProperty("client_id").GetString()!, m2m.GetProperty("client_secret").GetString(), "non_interactive");
        await (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = credentials.ClientId, audience = _app.ManagementAudience, scope = new[] { "read:users" } })).JsonAsync(201);
        var token = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await token.RequestTokenAsync(credentials, _app.ManagementAudience)).StatusCode);

        var rotated = await (await http.PostAsync($"/api/v2/clients/{credentials.ClientId}/rotate-secret", null)).JsonAsync();
        var newSecret = rotated.GetProperty("client_secret").GetString()!;

        Assert.NotEqual(credentials.ClientSecret, newSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.RequestTokenAsync(credentials, _app.ManagementAudience)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.RequestTokenAsync(credentials, _app.ManagementAudience, secret: newSecret)).StatusCode);
    }

    [Fact]
    public async Task Patch_changes_urls_and_grant_types_and_refuses_what_cannot_work()
    {
        var http = await _app.CreateManagementClientAsync();
        var web = await (await http.PostAsJsonAsync("/api/v2/clients", new { name = "Web", app_type = "regular_web" })).JsonAsync(201);
        var path = $"/api/v2/clients/{web.GetProperty("client_id").GetString()}";

        var changed = await (await http.PatchAsJsonAsync(path, new
        {
            name = "Web 2", callbacks = new[] { "https://web.example.com/cb" }, allowed_logout_urls = new[] { "https://web.example.com/" },
            grant_types = new[] { "authorization_code", "refresh_token", "client_credentials" },
        })).JsonAsync();

        Assert.Equal("Web 2", changed.GetProperty("name").GetString());
        Assert.Equal(["https://web.example.com/cb"], changed.GetProperty("callbacks").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["https://web.example.com/"], changed.GetProperty("allowed_logout_urls").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("client_credentials", changed.GetProperty("grant_types").EnumerateArray().Select(c => c.GetString()));
        await (await http.PatchAsJsonAsync(path, new { callbacks = new[] { "/relative" } })).AssertErrorAsync(400, "'/relative' is not an absolute URL");
        await (await http.PatchAsJsonAsync(path, new { web_origins = new[] { "https://web.example.com/path" } })).AssertErrorAsync(400, "is not an origin");
        await (await http.PatchAsJsonAsync(path, new { grant_types = new[] { "password" } })).AssertErrorAsync(400, "unsupported grant type 'password'");
        await (await http.PatchAsJsonAsync(path, new { app_type = "spa" })).AssertErrorAsync(400, "token_endpoint_auth_method is none");
        await (await http.PostAsJsonAsync("/api/v2/clients", new { name = "X", app_type = "banana" })).AssertErrorAsync(400, "app_type must be one of");
        await (await http.PostAsJsonAsync("/api/v2/clients", new { app_type = "spa" })).AssertErrorAsync(400, "'name' is required");
    }

    [Fact]
    public async Task A_deleted_client_is_gone_with_its_grants()
    {
        var http = await _app.CreateManagementClientAsync();
        var m2m = await (await http.PostAsJsonAsync("/api/v2/clients", new { name = "Temp", app_type = "non_interactive" })).JsonAsync(201);
        var clientId = m2m.GetProperty("client_id").GetString()!;
        await (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = clientId, audience = _app.ManagementAudience, scope = new[] { "read:users" } })).JsonAsync(201);

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/v2/clients/{clientId}")).StatusCode);

        await (await http.GetAsync($"/api/v2/clients/{clientId}")).AssertErrorAsync(404, "The client does not exist.");
        Assert.Equal(0, (await http.GetFromJsonAsync<JsonElement>($"/api/v2/client-grants?client_id={clientId}")).GetArrayLength());
    }

    [Fact]
    public async Task Each_client_endpoint_needs_its_scope()
    {
        var reader = await _app.CreateManagementClientAsync(scope: "read:clients update:clients");
        var clientId = (await (await (await _app.CreateManagementClientAsync()).PostAsJsonAsync("/api/v2/clients", new { name = "S", app_type = "regular_web" })).JsonAsync(201))
            .GetProperty("client_id").GetString();

        await (await _app.CreateClient().GetAsync("/api/v2/clients")).AssertErrorAsync(401, "Missing authentication");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v2/clients")).StatusCode);
        await (await reader.PostAsJsonAsync("/api/v2/clients", new { name = "N" })).AssertErrorAsync(403, "create:clients");
        await (await reader.PostAsync($"/api/v2/clients/{clientId}/rotate-secret", null)).AssertErrorAsync(403, "update:client_keys");
        await (await reader.DeleteAsync($"/api/v2/clients/{clientId}")).AssertErrorAsync(403, "delete:clients");
    }
}
