using Flowgate.Runtime.Store;
using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Flows;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Runtime.Flows;

/// <summary>
/// Two instances on one database, as behind a load balancer: what an administrator changes on one (deploy, secret,
/// rollback, flow) is what that one runs from its very next request, and the other once its flow cache's age has passed
/// (<see cref="DeployedFlowCache"/>, 2 s), though both keep the flow and the deployed versions in memory.
/// </summary>
public sealed class DeployedFlowCacheTests
{
    private const string Code = """
        exports.onExecuteCredentialsExchange = async (event, api) => {
          api.accessToken.setCustomClaim('https://flowgate.test/plan', 'CODE:' + event.secrets.PLAN);
        };
        """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task What_was_deployed_bound_or_rolled_back_runs_at_once_on_the_instance_that_did_it_and_soon_after_on_the_other(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var admin = new FlowgateApp(database);
        using var login = new FlowgateApp(database);
        var credentials = await admin.CreateApplicationAsync();
        Task<string?> PlanAsync(FlowgateApp on) => PlanClaimAsync(on.CreateClient(), credentials, on.ManagementAudience);
        Task FlowCacheAgeAsync() => Task.Delay(login.Services.GetRequiredService<DeployedFlowCache>().MaxAge);

        var actionId = await CreateAsync(admin, "v1", "gold");
        await BindAsync(admin, actionId);
        Assert.Equal("v1:gold", await PlanAsync(admin));
        Assert.Equal("v1:gold", await PlanAsync(login));
        var first = await DeployedVersionIdAsync(admin, actionId);

        await DeployAsync(admin, actionId, "v2", "gold");
        Assert.Equal("v2:gold", await PlanAsync(admin));
        await FlowCacheAgeAsync();
        Assert.Equal("v2:gold", await PlanAsync(login));

        await DeployAsync(admin, actionId, "v2", "platinum"); // a secret changed, the code not
        Assert.Equal("v2:platinum", await PlanAsync(admin));

        await using (var scope = admin.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ActionDeployer>().RollbackAsync(actionId, first, false, "test", CancellationToken.None);
        Assert.Equal("v1:gold", await PlanAsync(admin));
        await FlowCacheAgeAsync();
        Assert.Equal("v1:gold", await PlanAsync(login));

        await BindAsync(admin);
        Assert.Null(await PlanAsync(admin));
        await FlowCacheAgeAsync();
        Assert.Null(await PlanAsync(login));
    }

    private static async Task<string?> PlanClaimAsync(HttpClient http, ApplicationCredentials credentials, string audience)
    {
        var response = await http.RequestTokenAsync(credentials, audience);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        return new JwtSecurityTokenHandler().ReadJwtToken(token).Claims.SingleOrDefault(c => c.Type == "https://flowgate.test/plan")?.Value;
    }

    private static async Task<string> CreateAsync(FlowgateApp app, string tag, string plan)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var action = await scope.ServiceProvider.GetRequiredService<ActionService>().CreateAsync(new ActionCreateRequest
        {
            Name = "plan " + Guid.NewGuid().ToString("N")[..6], TriggerId = "credentials-exchange",
            Code = Code.Replace("CODE", tag, StringComparison.Ordinal), Secrets = [new SecretInput("PLAN", plan)],
        }, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ActionDeployer>().DeployAsync(action.Id, "test", CancellationToken.None);
        return action.Id;
    }

    private static async Task DeployAsync(FlowgateApp app, string actionId, string tag, string plan)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ActionService>().UpdateDraftAsync(actionId, new ActionUpdateRequest
        {
            Code = Code.Replace("CODE", tag, StringComparison.Ordinal), Secrets = [new SecretInput("PLAN", plan)],
        }, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ActionDeployer>().DeployAsync(actionId, "test", CancellationToken.None);
    }

    private static async Task BindAsync(FlowgateApp app, params string[] actionIds)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BindingService>().ReplaceAsync("credentials-exchange",
            [.. actionIds.Select(id => new BindingReference(BindingRefType.ActionId, id))], null, CancellationToken.None);
    }

    private static async Task<string> DeployedVersionIdAsync(FlowgateApp app, string actionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ActionService>().GetAsync(actionId, CancellationToken.None)).DeployedVersionId!;
    }
}
