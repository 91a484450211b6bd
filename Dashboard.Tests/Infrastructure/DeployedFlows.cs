using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Infrastructure;

/// <summary>Creates, deploys and binds Actions the way an administrator does, replacing the trigger's flow.</summary>
internal static class DeployedFlows
{
    public static async Task DeployFlowAsync(this FlowgateApp app, string triggerId, params (string Name, string Code)[] actions)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ActionService>();
        var deployer = scope.ServiceProvider.GetRequiredService<ActionDeployer>();
        var references = new List<BindingReference>();
        foreach (var (name, code) in actions)
        {
            var action = await service.CreateAsync(new ActionCreateRequest { Name = name + " " + Guid.NewGuid().ToString("N")[..6], TriggerId = triggerId, Code = code }, CancellationToken.None);
            await deployer.DeployAsync(action.Id, "test", CancellationToken.None);
            references.Add(new BindingReference(BindingRefType.ActionId, action.Id));
        }
        await scope.ServiceProvider.GetRequiredService<BindingService>().ReplaceAsync(triggerId, references, null, CancellationToken.None);
    }
}
