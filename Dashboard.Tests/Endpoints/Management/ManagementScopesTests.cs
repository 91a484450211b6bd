using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints.Management;

public sealed class ManagementScopesTests
{
    [Fact]
    public async Task A_management_client_gets_every_scope_the_user_role_and_client_endpoints_need()
    {
        using var app = new FlowgateApp();
        var credentials = await app.CreateApplicationAsync();

        var body = await (await app.CreateClient().RequestTokenAsync(credentials, app.ManagementAudience)).JsonAsync();

        var scopes = new JwtSecurityTokenHandler().ReadJwtToken(body.GetProperty("access_token").GetString()).Claims.Single(c => c.Type == "scope").Value.Split(' ');
        Assert.Superset(new HashSet<string>(
        [
            "read:users", "create:users", "update:users", "delete:users", "read:roles", "create:roles", "update:roles", "delete:roles",
            "read:role_members", "create:role_members", "delete:role_members", "read:clients", "create:clients", "update:clients",
            "delete:clients", "update:client_keys", "read:client_grants", "create:client_grants", "update:client_grants",
            "delete:client_grants", "read:resource_servers", "create:resource_servers", "update:resource_servers", "delete:resource_servers",
        ]), scopes.ToHashSet());
    }

    [Fact]
    public async Task An_install_whose_management_api_predates_a_scope_lists_it_after_a_restart()
    {
        string databasePath;
        using (var first = new FlowgateApp())
        {
            _ = first.Server;
            databasePath = first.DatabasePath;
            await using var db = await first.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
            var api = await db.ResourceServers.SingleAsync(r => r.IsSystem);
            api.ScopesJson = """[{"value":"read:users","description":"read:users"}]""";
            await db.SaveChangesAsync();
        }

        using var restarted = new FlowgateApp(databasePath);
        var http = await restarted.CreateManagementClientAsync();
        var management = await http.GetFromJsonAsync<JsonElement>($"/api/v2/resource-servers/{Uri.EscapeDataString(restarted.ManagementAudience)}");

        Assert.Equal(ManagementApi.Scopes, management.GetProperty("scopes").EnumerateArray().Select(s => s.GetProperty("value").GetString()!));
    }
}
