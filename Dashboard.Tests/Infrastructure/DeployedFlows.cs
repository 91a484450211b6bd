using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Infrastructure;

/// <summary>Post-login flows made through the real services: each Action created, deployed, then bound in order.</summary>
internal static class DeployedFlows
{
    /// <summary>Replaces the post-login flow with these Actions; returns their ids in flow order.</summary>
    public static async Task<IReadOnlyList<string>> DeployAndBindAsync(this FlowgateApp app, params (string Name, string Code)[] actions)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ActionService>();
        var deployer = scope.ServiceProvider.GetRequiredService<ActionDeployer>();
        var ids = new List<string>();
        foreach (var (name, code) in actions)
        {
            var action = await service.CreateAsync(new ActionCreateRequest { Name = name, TriggerId = "post-login", Code = code }, CancellationToken.None);
            await deployer.DeployAsync(action.Id, "test", CancellationToken.None);
            ids.Add(action.Id);
        }
        await scope.ServiceProvider.GetRequiredService<BindingService>()
            .ReplaceAsync("post-login", [.. ids.Select(id => new BindingReference(BindingRefType.ActionId, id))], null, CancellationToken.None);
        return ids;
    }
}
