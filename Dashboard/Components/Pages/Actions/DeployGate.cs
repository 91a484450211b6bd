using Flowgate.Runtime.Actions;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>The editor's deploy: when saved tests fail, the administrator sees which and why and may deploy anyway.</summary>
internal static class DeployGate
{
    /// <summary>The new version, or null when saved tests failed and the administrator kept the current one.</summary>
    public static async Task<ActionVersion?> DeployAsync(ActionDeployer deployer, IDialogService dialogs, string actionId, string? actor)
    {
        try
        {
            return await deployer.DeployAsync(actionId, actor, force: false, CancellationToken.None);
        }
        catch (OperationRejectedException e) when (e.ErrorCode == ActionDeployer.SavedTestsFailed)
        {
            var anyway = await dialogs.ShowMessageBoxAsync("Saved tests fail", e.Message, yesText: "Deploy anyway", cancelText: "Cancel");
            return anyway == true ? await deployer.DeployAsync(actionId, actor, force: true, CancellationToken.None) : null;
        }
    }
}
