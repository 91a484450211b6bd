using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints.Management;

public sealed class PermissionsApiTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public PermissionsApiTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_roles_and_a_users_permissions_are_granted_listed_in_auth0s_shapes_and_removed()
    {
        var http = await _app.CreateManagementClientAsync();
        var api = await CreateApiAsync(http, enforce: true, dialect: "access_token_authz");
        var role = (await (await http.PostAsJsonAsync("/api/v2/roles", new { name = "rbac-" + Guid.NewGuid().ToString("N")[..8] })).JsonAsync()).GetProperty("id").GetString()!;
        var user = await _app.CreateUserAsync();
        var userPath = $"/api/v2/users/{Uri.EscapeDataString(user.Id)}";

        var toRole = await http.PostAsJsonAsync($"/api/v2/roles/{role}/permissions", Permissions(api, "read:reports"));
        var toUser = await http.PostAsJsonAsync($"{userPath}/permissions", Permissions(api, "write:reports"));
        await http.PostAsJsonAsync($"{userPath}/roles", new { roles = new[] { role } });
        var roleList = await http.GetFromJsonAsync<JsonElement>($"/api/v2/roles/{role}/permissions?include_totals=true");
        var userList = await http.GetFromJsonAsync<JsonElement>($"{userPath}/permissions");
        var undefined = await http.PostAsJsonAsync($"/api/v2/roles/{role}/permissions", Permissions(api, "delete:everything"));
        var remove = new HttpRequestMessage(HttpMethod.Delete, $"{userPath}/permissions") { Content = JsonContent.Create(Permissions(api, "write:reports")) };
        var removed = await http.SendAsync(remove);
        var afterRemoval = await http.GetFromJsonAsync<JsonElement>($"{userPath}/permissions");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (toRole.StatusCode, toUser.StatusCode));
        Assert.Equal(1, roleList.GetProperty("total").GetInt32());
        var held = roleList.GetProperty("permissions")[0];
        Assert.Equal(("read:reports", "Read reports", "Reports", api),
            (held.GetProperty("permission_name").GetString(), held.GetProperty("description").GetString(),
             held.GetProperty("resource_server_name").GetString(), held.GetProperty("resource_server_identifier").GetString()));
        Assert.Equal(["read:reports", "write:reports"], userList.EnumerateArray().Select(p => p.GetProperty("permission_name").GetString()));
        Assert.Equal(["ROLE", "DIRECT"], userList.EnumerateArray().Select(p => p.GetProperty("sources")[0].GetProperty("source_type").GetString()));
        await undefined.AssertErrorAsync(400, "'delete:everything' is not defined");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(["read:reports"], afterRemoval.EnumerateArray().Select(p => p.GetProperty("permission_name").GetString()));
    }

    [Fact]
    public async Task With_rbac_on_an_end_users_api_scopes_are_limited_to_the_users_permissions()
    {
        var http = await _app.CreateManagementClientAsync();
        var (enforced, open) = (await CreateApiAsync(http, enforce: true, dialect: "access_token_authz"), await CreateApiAsync(http, enforce: false, dialect: "access_token"));
        var user = await _app.CreateUserAsync();
        await http.PostAsJsonAsync($"/api/v2/users/{Uri.EscapeDataString(user.Id)}/permissions", Permissions(enforced, "read:reports"));
        string[] asked = ["openid", "profile", "read:reports", "write:reports", "delete:everything"];

        await using var scope = _app.Services.CreateAsyncScope();
        var permissions = scope.ServiceProvider.GetRequiredService<UserPermissions>();
        var limited = await permissions.ForTokenAsync(user.Id, enforced, asked, CancellationToken.None);
        var unlimited = await permissions.ForTokenAsync(user.Id, open, asked, CancellationToken.None);

        Assert.Equal(["openid", "profile", "read:reports"], limited!.Scopes);
        Assert.Equal(["read:reports"], limited.Permissions);
        // Without RBAC, still only what the API defines: delete:everything grants nothing, so the token does not claim it.
        Assert.Equal(["openid", "profile", "read:reports", "write:reports"], unlimited!.Scopes);
        Assert.Null(unlimited.Permissions);
    }

    [Fact]
    public async Task An_apis_rbac_settings_are_read_and_changed_and_a_wrong_dialect_is_refused()
    {
        var http = await _app.CreateManagementClientAsync();
        var api = await CreateApiAsync(http, enforce: false, dialect: "access_token");
        var path = $"/api/v2/resource-servers/{Uri.EscapeDataString(api)}";

        var changed = await (await http.PatchAsJsonAsync(path, new { enforce_policies = true, token_dialect = "access_token_authz" })).JsonAsync();
        var wrong = await http.PatchAsJsonAsync(path, new { token_dialect = "rfc9068_profile_authz_unknown" });

        Assert.Equal((true, "access_token_authz"), (changed.GetProperty("enforce_policies").GetBoolean(), changed.GetProperty("token_dialect").GetString()));
        await wrong.AssertErrorAsync(400, "'token_dialect' must be");
    }

    private static object Permissions(string api, string name) =>
        new { permissions = new[] { new { resource_server_identifier = api, permission_name = name } } };

    private static async Task<string> CreateApiAsync(HttpClient http, bool enforce, string dialect)
    {
        var identifier = $"https://reports-{Guid.NewGuid():N}.example.com";
        await (await http.PostAsJsonAsync("/api/v2/resource-servers", new
        {
            name = "Reports", identifier, enforce_policies = enforce, token_dialect = dialect,
            scopes = new[] { new { value = "read:reports", description = "Read reports" }, new { value = "write:reports", description = "Write reports" } },
        })).JsonAsync(201);
        return identifier;
    }
}
