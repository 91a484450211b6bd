using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints.Management;

public sealed class ResourceServersApiTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public ResourceServersApiTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task An_api_is_created_read_by_id_or_identifier_changed_and_deleted()
    {
        var http = await _app.CreateManagementClientAsync();
        var identifier = Identifier();

        var created = await (await http.PostAsJsonAsync("/api/v2/resource-servers", new
        {
            name = "Appointments", identifier, token_lifetime = 3600, scopes = new[] { new { value = "read:appointments", description = "Read them" } },
        })).JsonAsync(201);
        var id = created.GetProperty("id").GetString()!;
        var byIdentifier = await http.GetFromJsonAsync<JsonElement>($"/api/v2/resource-servers/{Uri.EscapeDataString(identifier)}");
        var changed = await (await http.PatchAsJsonAsync($"/api/v2/resource-servers/{id}", new
        {
            token_lifetime = 7200, scopes = new[] { new { value = "read:appointments", description = "Read" }, new { value = "write:appointments", description = "Write" } },
        })).JsonAsync();
        var deleted = await http.DeleteAsync($"/api/v2/resource-servers/{id}");

        Assert.Equal((identifier, 3600, false), (created.GetProperty("identifier").GetString(), created.GetProperty("token_lifetime").GetInt32(), created.GetProperty("is_system").GetBoolean()));
        Assert.Equal(id, byIdentifier.GetProperty("id").GetString());
        Assert.Equal(7200, changed.GetProperty("token_lifetime").GetInt32());
        Assert.Equal(["read:appointments", "write:appointments"], changed.GetProperty("scopes").EnumerateArray().Select(s => s.GetProperty("value").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await http.GetAsync($"/api/v2/resource-servers/{id}")).AssertErrorAsync(404, "The resource server does not exist.");
    }

    [Fact]
    public async Task Identifiers_are_unique_required_and_fixed_and_the_management_api_is_read_only()
    {
        var http = await _app.CreateManagementClientAsync();
        var identifier = Identifier();
        var id = (await (await http.PostAsJsonAsync("/api/v2/resource-servers", new { name = "A", identifier })).JsonAsync(201)).GetProperty("id").GetString();

        await (await http.PostAsJsonAsync("/api/v2/resource-servers", new { name = "B", identifier })).AssertErrorAsync(409, "same identifier already exists");
        await (await http.PostAsJsonAsync("/api/v2/resource-servers", new { name = "C" })).AssertErrorAsync(400, "'identifier' is required");
        await (await http.PatchAsJsonAsync($"/api/v2/resource-servers/{id}", new { identifier = Identifier() })).AssertErrorAsync(400, "cannot change");
        await (await http.PatchAsJsonAsync($"/api/v2/resource-servers/{id}", new { token_lifetime = 5 })).AssertErrorAsync(400, "'token_lifetime' must be between");
        await (await http.PatchAsJsonAsync($"/api/v2/resource-servers/{id}", new { scopes = new[] { new { value = "two words", description = "" } } })).AssertErrorAsync(400, "without spaces");
        var management = Uri.EscapeDataString(_app.ManagementAudience);
        Assert.True((await http.GetFromJsonAsync<JsonElement>($"/api/v2/resource-servers/{management}")).GetProperty("is_system").GetBoolean());
        await (await http.PatchAsJsonAsync($"/api/v2/resource-servers/{management}", new { name = "Mine" })).AssertErrorAsync(400, "built in");
        await (await http.DeleteAsync($"/api/v2/resource-servers/{management}")).AssertErrorAsync(400, "built in");
    }

    [Fact]
    public async Task Client_grants_decide_which_scopes_a_machine_to_machine_app_gets_for_an_api()
    {
        var http = await _app.CreateManagementClientAsync();
        var audience = Identifier();
        await (await http.PostAsJsonAsync("/api/v2/resource-servers", new
        {
            name = "Orders", identifier = audience, token_lifetime = 600,
            scopes = new[] { new { value = "read:orders", description = "" }, new { value = "write:orders", description = "" } },
        })).JsonAsync(201);
        var app = await _app.CreateApplicationAsync(management: false);
        var token = _app.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await token.RequestTokenAsync(app, audience)).StatusCode);

        var grant = await (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = app.ClientId, audience, scope = new[] { "read:orders" } })).JsonAsync(201);
        var grantId = grant.GetProperty("id").GetString()!;
        var first = await ScopeAndLifetimeAsync(await token.RequestTokenAsync(app, audience));
        await (await http.PatchAsJsonAsync($"/api/v2/client-grants/{grantId}", new { scope = new[] { "read:orders", "write:orders" } })).JsonAsync();
        var second = await ScopeAndLifetimeAsync(await token.RequestTokenAsync(app, audience));
        var filtered = await http.GetFromJsonAsync<JsonElement>($"/api/v2/client-grants?client_id={app.ClientId}&audience={Uri.EscapeDataString(audience)}");
        await (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = app.ClientId, audience, scope = new[] { "read:orders" } })).AssertErrorAsync(409, "already exists");
        await (await http.PatchAsJsonAsync($"/api/v2/client-grants/{grantId}", new { scope = new[] { "delete:orders" } })).AssertErrorAsync(400, "defines no scope 'delete:orders'");
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/v2/client-grants/{grantId}")).StatusCode);

        Assert.Equal(("read:orders", 600), first);
        Assert.Equal(("read:orders write:orders", 600), second);
        Assert.Equal([grantId], filtered.EnumerateArray().Select(g => g.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await token.RequestTokenAsync(app, audience)).StatusCode);
        await (await http.DeleteAsync($"/api/v2/client-grants/{grantId}")).AssertErrorAsync(404, "The client grant does not exist.");
    }

    [Fact]
    public async Task A_scope_removed_from_an_api_is_taken_from_its_grants()
    {
        var http = await _app.CreateManagementClientAsync();
        var audience = Identifier();
        var api = await (await http.PostAsJsonAsync("/api/v2/resource-servers", new
        {
            identifier = audience, scopes = new[] { new { value = "read:a", description = "" }, new { value = "write:a", description = "" } },
        })).JsonAsync(201);
        var app = await _app.CreateApplicationAsync(management: false);
        var grant = await (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = app.ClientId, audience, scope = new[] { "read:a", "write:a" } })).JsonAsync(201);

        await (await http.PatchAsJsonAsync($"/api/v2/resource-servers/{api.GetProperty("id").GetString()}", new { scopes = new[] { new { value = "read:a", description = "" } } })).JsonAsync();

        var grants = await http.GetFromJsonAsync<JsonElement>($"/api/v2/client-grants?client_id={app.ClientId}");
        Assert.Equal(grant.GetProperty("id").GetString(), grants[0].GetProperty("id").GetString());
        Assert.Equal(["read:a"], grants[0].GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_management_api_is_granted_by_its_full_audience_and_listed_the_same_way()
    {
        var http = await _app.CreateManagementClientAsync();
        var app = await _app.CreateApplicationAsync(management: false);

        var grant = await (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = app.ClientId, audience = _app.ManagementAudience, scope = new[] { "read:roles" } })).JsonAsync(201);
        var scoped = await ScopeAndLifetimeAsync(await _app.CreateClient().RequestTokenAsync(app, _app.ManagementAudience));

        Assert.Equal(_app.ManagementAudience, grant.GetProperty("audience").GetString());
        Assert.Equal("read:roles", scoped.Scope);
        await (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = app.ClientId, audience = "https://nowhere.example.com" , scope = Array.Empty<string>() }))
            .AssertErrorAsync(404, "No resource server with identifier https://nowhere.example.com");
        await (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = "nobody", audience = _app.ManagementAudience, scope = Array.Empty<string>() }))
            .AssertErrorAsync(404, "No client with client_id nobody");
    }

    [Fact]
    public async Task Each_api_and_grant_endpoint_needs_its_scope()
    {
        var reader = await _app.CreateManagementClientAsync(scope: "read:resource_servers read:client_grants");

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v2/client-grants")).StatusCode);
        await (await reader.PostAsJsonAsync("/api/v2/resource-servers", new { identifier = Identifier() })).AssertErrorAsync(403, "create:resource_servers");
        await (await reader.DeleteAsync("/api/v2/resource-servers/x")).AssertErrorAsync(403, "delete:resource_servers");
        await (await reader.PostAsJsonAsync("/api/v2/client-grants", new { })).AssertErrorAsync(403, "create:client_grants");
        await (await reader.PatchAsJsonAsync("/api/v2/client-grants/x", new { scope = Array.Empty<string>() })).AssertErrorAsync(403, "update:client_grants");
    }

    private static async Task<(string Scope, int Lifetime)> ScopeAndLifetimeAsync(HttpResponseMessage response)
    {
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken((await response.JsonAsync()).GetProperty("access_token").GetString());
        return (jwt.Claims.Single(c => c.Type == "scope").Value, (int)(jwt.ValidTo - jwt.IssuedAt).TotalSeconds);
    }

    private static string Identifier() => $"https://api-{Guid.NewGuid():N}.example.com";
}
