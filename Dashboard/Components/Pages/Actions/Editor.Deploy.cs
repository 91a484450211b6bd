using Flowgate.Runtime.Actions;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>The editor's deploys: the saved draft to every execution, or as a canary to a share of them.</summary>
public sealed partial class Editor
{
    private async Task DeployAsync()
    {
        if (!await SaveIfDirtyAsync())
            return;
        _busy = true;
        try
        {
            if (await DeployGate.DeployAsync(Deployer, Dialogs, _action!.Id, await ActorAsync()) is not { } version)
                return;
            Snackbar.Add($"Deployed as version {version.Number}.", Severity.Success);
            await ReloadAsync();
        }
        catch (OperationRejectedException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    // A canary deploy: the draft for a share of executions; the metrics card is made anew to show it.
    private async Task DeployCanaryAsync()
    {
        if (!await SaveIfDirtyAsync() || await CanaryDeployDialog.ShowAsync(Dialogs, _action!.Id, await ActorAsync()) is not { } canary)
            return;
        Snackbar.Add($"Version {canary.CanaryVersionNumber} deployed to {canary.Settings.Percent} % of executions.", Severity.Success);
        _metricsKey++;
        await ReloadAsync();
    }
}
