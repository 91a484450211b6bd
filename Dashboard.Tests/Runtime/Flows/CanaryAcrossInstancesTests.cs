using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Actions.Canaries;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Runtime.Flows;

/// <summary>
/// Two instances on one database: a canary started, rolled back or promoted on one is what the other runs once its flow cache's
/// age has passed (<see cref="DeployedFlowCache"/>, 2 s).
/// </summary>
public sealed class CanaryAcrossInstancesTests
{
    private static string Code(string tag) => $$"""
        exports.onExecuteCredentialsExchange = async (event, api) => {
          api.accessToken.setCustomClaim('https://flowgate.test/version', '{{tag}}');
        };
        """;

    [Fact]
    public async Task The_other_instance_follows_a_canary_from_start_to_rollback_and_to_promotion()
    {
        using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        using var admin = new FlowgateApp(database);
        using var login = new FlowgateApp(database);
        var credentials = await admin.CreateApplicationAsync();
        var http = login.CreateClient();
        async Task<List<string?>> VersionsAsync(int count)
        {
            var seen = new List<string?>();
            for (var i = 0; i < count; i++)
            {
                var response = await http.RequestTokenAsync(credentials, login.ManagementAudience);
                var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
                seen.Add(new JwtSecurityTokenHandler().ReadJwtToken(token).Claims.SingleOrDefault(c => c.Type == "https://flowgate.test/version")?.Value);
            }
            return seen;
        }
        Task FlowCacheAgeAsync() => Task.Delay(login.Services.GetRequiredService<DeployedFlowCache>().MaxAge);
        await using var scope = admin.Services.CreateAsyncScope();
        var actions = scope.ServiceProvider.GetRequiredService<ActionService>();
        var canaries = scope.ServiceProvider.GetRequiredService<ActionCanaries>();
        var action = await actions.CreateAsync(new ActionCreateRequest { Name = "canary " + Guid.NewGuid().ToString("N")[..6], TriggerId = "credentials-exchange", Code = Code("v1") }, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ActionDeployer>().DeployAsync(action.Id, "test", CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<BindingService>().ReplaceAsync("credentials-exchange", [new BindingReference(BindingRefType.ActionId, action.Id)], null, CancellationToken.None);
        Assert.All(await VersionsAsync(3), v => Assert.Equal("v1", v));

        async Task StartAsync(string tag)
        {
            await actions.UpdateDraftAsync(action.Id, new ActionUpdateRequest { Code = Code(tag) }, CancellationToken.None);
            await canaries.StartAsync(action.Id, new CanarySettings(Percent: 99), "test", force: false, CancellationToken.None);
        }

        await StartAsync("v2");
        await FlowCacheAgeAsync();
        // At 99 %, ten runs without the canary would be a 1-in-10^20 chance.
        Assert.Contains("v2", await VersionsAsync(10));
        await canaries.EndAsync(action.Id, CanaryEnd.RolledBack, "test", CancellationToken.None);
        await FlowCacheAgeAsync();
        Assert.All(await VersionsAsync(10), v => Assert.Equal("v1", v));

        await StartAsync("v3");
        await FlowCacheAgeAsync();
        Assert.Contains("v3", await VersionsAsync(10));
        await canaries.EndAsync(action.Id, CanaryEnd.Promoted, "test", CancellationToken.None);
        await FlowCacheAgeAsync();
        Assert.All(await VersionsAsync(10), v => Assert.Equal("v3", v));
    }
}
