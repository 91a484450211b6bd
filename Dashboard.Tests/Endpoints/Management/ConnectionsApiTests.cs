using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>
/// <c>/api/v2/connections</c> in Auth0's shapes: the database connection listed as <c>auth0</c>, strategy and name
/// filters, create, get, PATCH, delete, enabled clients; the client secret is masked in every answer, encrypted at rest
/// and never logged.
/// </summary>
public sealed class ConnectionsApiTests(ConnectionsApiTests.LoggedApp fixture) : IClassFixture<ConnectionsApiTests.LoggedApp>
{
    private const string Secret = "upstream-secret-0123456789-abcdefWXYZ";

    public sealed class LoggedApp : IDisposable
    {
        public RecordedLogs Logs { get; } = new();
        public FlowgateApp App { get; }

        public LoggedApp() => App = new FlowgateApp(services: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));

        public void Dispose() => App.Dispose();
    }

    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task An_oidc_connection_is_created_read_filtered_changed_and_deleted_with_its_secret_never_shown_stored_or_logged()
    {
        var http = await _app.CreateManagementClientAsync();
        var name = "corp-" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await http.PostAsJsonAsync("/api/v2/connections", new
        {
            name, strategy = "oidc", enabled_clients = new[] { "client-a" }, metadata = new { region = "eu" },
            options = new { issuer = "https://idp.example.com", client_id = "flowgate", client_secret = Secret, type = "back_channel" },
        })).JsonAsync(201);
        var id = created.GetProperty("id").GetString()!;
        var read = await http.GetFromJsonAsync<JsonElement>($"/api/v2/connections/{id}");
        var oidcOnly = await http.GetFromJsonAsync<JsonElement>("/api/v2/connections?strategy=oidc");
        var byName = await http.GetFromJsonAsync<JsonElement>($"/api/v2/connections?name={name}");
        var all = await http.GetFromJsonAsync<JsonElement>("/api/v2/connections");

        Assert.StartsWith("con_", id);
        Assert.Equal("oidc", read.GetProperty("strategy").GetString());
        Assert.Equal("https://idp.example.com/.well-known/openid-configuration", read.GetProperty("options").GetProperty("discovery_url").GetString());
        Assert.Equal("openid profile email", read.GetProperty("options").GetProperty("scope").GetString());
        Assert.Equal(["client-a"], read.GetProperty("enabled_clients").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("eu", read.GetProperty("metadata").GetProperty("region").GetString());
        Assert.All(oidcOnly.EnumerateArray(), c => Assert.Equal("oidc", c.GetProperty("strategy").GetString()));
        Assert.Equal(id, byName.EnumerateArray().Single().GetProperty("id").GetString());
        var database = all.EnumerateArray().First();
        Assert.Equal(("con_UsernamePassword", "Username-Password-Authentication", "auth0"),
            (database.GetProperty("id").GetString(), database.GetProperty("name").GetString(), database.GetProperty("strategy").GetString()));

        // The masked secret sent back (a Deploy CLI round trip) keeps the stored one; a new one replaces it.
        var masked = read.GetProperty("options").GetProperty("client_secret").GetString()!;
        var patched = await (await http.PatchAsJsonAsync($"/api/v2/connections/{id}", new
        {
            options = new { discovery_url = "https://idp.example.com/.well-known/openid-configuration", client_id = "flowgate", client_secret = masked, type = "back_channel", scope = "openid email" },
            enabled_clients = new[] { "client-b" },
        })).JsonAsync();
        Assert.Equal("openid email", patched.GetProperty("options").GetProperty("scope").GetString());
        Assert.Equal(["client-b"], patched.GetProperty("enabled_clients").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(Secret, await StoredSecretAsync(id));

        foreach (var json in new[] { created, read, oidcOnly, byName, all, patched })
            Assert.DoesNotContain(Secret, json.GetRawText());
        Assert.DoesNotContain(Secret, await RawRowAsync(id));
        Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains(Secret));

        Assert.Equal(HttpStatusCode.Accepted, (await http.DeleteAsync($"/api/v2/connections/{id}")).StatusCode);
        await (await http.GetAsync($"/api/v2/connections/{id}")).AssertErrorAsync(404, "The connection does not exist");
    }

    [Fact]
    public async Task Refusals_answer_with_auth0s_status_and_error_code()
    {
        var http = await _app.CreateManagementClientAsync();
        var name = "dup-" + Guid.NewGuid().ToString("N")[..8];
        var body = new { name, strategy = "github", options = new { client_id = "id", client_secret = "secret" } };
        (await http.PostAsJsonAsync("/api/v2/connections", body)).EnsureSuccessStatusCode();

        var duplicate = await (await http.PostAsJsonAsync("/api/v2/connections", body)).JsonAsync(409);
        Assert.Equal("connection_conflict", duplicate.GetProperty("errorCode").GetString());
        var missing = await (await http.GetAsync("/api/v2/connections/con_doesnotexist00")).JsonAsync(404);
        Assert.Equal("inexistent_connection", missing.GetProperty("errorCode").GetString());
        await (await http.PostAsJsonAsync("/api/v2/connections", new { name = "x-" + name, strategy = "oidc", options = new { issuer = "https://idp.example.com" } }))
            .AssertErrorAsync(400, "options.client_id is required");
        await (await http.PostAsJsonAsync("/api/v2/connections", new { name = "y-" + name, strategy = "samlp", options = new { } }))
            .AssertErrorAsync(400, "'strategy' must be one of");
        await (await http.PatchAsJsonAsync("/api/v2/connections/con_UsernamePassword", new { display_name = "Passwords" }))
            .AssertErrorAsync(400, "database connection is built in");
        var database = await (await http.GetAsync("/api/v2/connections/con_UsernamePassword")).JsonAsync();
        var repeated = await (await http.PatchAsJsonAsync("/api/v2/connections/con_UsernamePassword", new { options = database.GetProperty("options") })).JsonAsync();
        Assert.Equal("auth0", repeated.GetProperty("strategy").GetString());
        var reader = await _app.CreateManagementClientAsync(scope: "read:users");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/v2/connections")).StatusCode);
    }

    private async Task<string> StoredSecretAsync(string id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var active = await scope.ServiceProvider.GetRequiredService<Flowgate.Runtime.Connections.ConnectionService>().ListActiveAsync(CancellationToken.None);
        return active.Single(c => c.Details.Id == id).ClientSecret!;
    }

    private async Task<string> RawRowAsync(string id)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        var row = await db.Connections.AsNoTracking().SingleAsync(c => c.Id == id);
        return row.OptionsJson + row.ProtectedClientSecret;
    }
}
