using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Endpoints.Management;

public sealed class RolesApiTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public RolesApiTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_role_is_created_listed_renamed_and_deleted()
    {
        var http = await _app.CreateManagementClientAsync();
        var name = Unique("editor");

        var role = await (await http.PostAsJsonAsync("/api/v2/roles", new { name, description = "Edits posts" })).JsonAsync();
        var id = role.GetProperty("id").GetString()!;
        var listed = await http.GetFromJsonAsync<JsonElement>($"/api/v2/roles?name_filter={name.ToUpperInvariant()}&include_totals=true");
        var renamed = await (await http.PatchAsJsonAsync($"/api/v2/roles/{id}", new { name = name + "-2" })).JsonAsync();
        var deleted = await http.DeleteAsync($"/api/v2/roles/{id}");

        Assert.StartsWith("rol_", id);
        Assert.Equal("Edits posts", role.GetProperty("description").GetString());
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal(id, listed.GetProperty("roles")[0].GetProperty("id").GetString());
        Assert.Equal((name + "-2", "Edits posts"), (renamed.GetProperty("name").GetString(), renamed.GetProperty("description").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await http.GetAsync($"/api/v2/roles/{id}")).AssertErrorAsync(404, "The role does not exist.");
    }

    [Fact]
    public async Task Role_names_are_unique_and_required()
    {
        var http = await _app.CreateManagementClientAsync();
        var name = Unique("admin");
        await (await http.PostAsJsonAsync("/api/v2/roles", new { name })).JsonAsync();

        await (await http.PostAsJsonAsync("/api/v2/roles", new { name })).AssertErrorAsync(409, "already exists");
        await (await http.PostAsJsonAsync("/api/v2/roles", new { description = "no name" })).AssertErrorAsync(400, "'name' is required");
    }

    [Fact]
    public async Task Roles_are_assigned_and_read_from_either_side_and_removed_from_the_user()
    {
        var http = await _app.CreateManagementClientAsync();
        var user = await _app.CreateUserAsync();
        var userPath = $"/api/v2/users/{Uri.EscapeDataString(user.Id)}/roles";
        var (reader, writer) = (await CreateRoleAsync(http, "reader"), await CreateRoleAsync(http, "writer"));

        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync(userPath, new { roles = new[] { reader } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/v2/roles/{writer}/users", new { users = new[] { user.Id } })).StatusCode);
        // Assigning again changes nothing.
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync(userPath, new { roles = new[] { reader, writer } })).StatusCode);
        var roles = await http.GetFromJsonAsync<JsonElement>(userPath);
        var members = await http.GetFromJsonAsync<JsonElement>($"/api/v2/roles/{writer}/users?include_totals=true");
        var remove = new HttpRequestMessage(HttpMethod.Delete, userPath) { Content = JsonContent.Create(new { roles = new[] { reader } }) };
        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(remove)).StatusCode);
        var left = await http.GetFromJsonAsync<JsonElement>(userPath);

        Assert.Equal(new[] { reader, writer }.Order(), roles.EnumerateArray().Select(r => r.GetProperty("id").GetString()).Order());
        Assert.Equal(1, members.GetProperty("total").GetInt32());
        var member = members.GetProperty("users")[0];
        Assert.Equal((user.Id, user.Email), (member.GetProperty("user_id").GetString(), member.GetProperty("email").GetString()));
        Assert.Equal([writer], left.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Assigning_unknown_roles_or_users_or_nothing_is_refused()
    {
        var http = await _app.CreateManagementClientAsync();
        var user = await _app.CreateUserAsync();
        var role = await CreateRoleAsync(http, "known");
        var userPath = $"/api/v2/users/{Uri.EscapeDataString(user.Id)}/roles";

        await (await http.PostAsJsonAsync(userPath, new { roles = new[] { role, "rol_missing" } })).AssertErrorAsync(404, "The role does not exist.");
        await (await http.PostAsJsonAsync(userPath, new { roles = Array.Empty<string>() })).AssertErrorAsync(400, "'roles' must list at least one");
        await (await http.PostAsJsonAsync($"/api/v2/roles/{role}/users", new { users = new[] { "auth0|000000000000000000000000" } })).AssertErrorAsync(404, "The user does not exist.");
        await (await http.PostAsJsonAsync("/api/v2/users/auth0%7Cnobody/roles", new { roles = new[] { role } })).AssertErrorAsync(404, "The user does not exist.");
        Assert.Equal(0, (await http.GetFromJsonAsync<JsonElement>(userPath)).GetArrayLength());
    }

    [Fact]
    public async Task Membership_takes_any_of_the_scopes_auth0_accepts_and_names_them_when_missing()
    {
        var admin = await _app.CreateManagementClientAsync();
        var role = await CreateRoleAsync(admin, "scoped");
        var user = await _app.CreateUserAsync();
        var members = await _app.CreateManagementClientAsync(scope: "create:role_members");
        var roleReader = await _app.CreateManagementClientAsync(scope: "read:roles");

        var assigned = await members.PostAsJsonAsync($"/api/v2/roles/{role}/users", new { users = new[] { user.Id } });
        var refused = await roleReader.PostAsJsonAsync($"/api/v2/roles/{role}/users", new { users = new[] { user.Id } });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        await refused.AssertErrorAsync(403, "expected any of: update:roles,create:role_members");
        Assert.Equal(HttpStatusCode.OK, (await roleReader.GetAsync($"/api/v2/roles/{role}/users")).StatusCode);
        await (await roleReader.DeleteAsync($"/api/v2/roles/{role}")).AssertErrorAsync(403, "delete:roles");
    }

    private static async Task<string> CreateRoleAsync(HttpClient http, string name) =>
        (await (await http.PostAsJsonAsync("/api/v2/roles", new { name = Unique(name) })).JsonAsync()).GetProperty("id").GetString()!;

    private static string Unique(string name) => name + "-" + Guid.NewGuid().ToString("N")[..8];
}
