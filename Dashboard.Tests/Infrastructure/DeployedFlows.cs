using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Infrastructure;

/// <summary>Flows made through the real services: each Action created, deployed, then bound in order, replacing the trigger's flow.</summary>
internal static class DeployedFlows
{
    /// <summary>Replaces the post-login flow with these Actions, named exactly so; returns their ids in flow order.</summary>
    public static Task<IReadOnlyList<string>> DeployAndBindAsync(this FlowgateApp app, params (string Name, string Code)[] actions) =>
        DeployAsync(app, "post-login", actions, uniqueNames: false);

    /// <summary>Replaces the trigger's flow; names get a suffix, so a test may deploy the same Action again.</summary>
    public static Task<IReadOnlyList<string>> DeployFlowAsync(this FlowgateApp app, string triggerId, params (string Name, string Code)[] actions) =>
        DeployAsync(app, triggerId, actions, uniqueNames: true);

    private static async Task<IReadOnlyList<string>> DeployAsync(FlowgateApp app, string triggerId, (string Name, string Code)[] actions, bool uniqueNames)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ActionService>();
        var deployer = scope.ServiceProvider.GetRequiredService<ActionDeployer>();
        var ids = new List<string>();
        foreach (var (name, code) in actions)
        {
            var unique = uniqueNames ? name + " " + Guid.NewGuid().ToString("N")[..6] : name;
            var action = await service.CreateAsync(new ActionCreateRequest { Name = unique, TriggerId = triggerId, Code = code }, CancellationToken.None);
            await deployer.DeployAsync(action.Id, "test", CancellationToken.None);
            ids.Add(action.Id);
        }
        await scope.ServiceProvider.GetRequiredService<BindingService>()
            .ReplaceAsync(triggerId, [.. ids.Select(id => new BindingReference(BindingRefType.ActionId, id))], null, CancellationToken.None);
        return ids;
    }
}
