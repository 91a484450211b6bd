using Flowgate.Runtime.Actions;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Actions;

public sealed partial class Library
{
    private IReadOnlyList<LibraryRow>? _rows;

    [Inject] private ActionService Actions { get; set; } = default!;
    [Inject] private ActionDeployer Deployer { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var page = await Actions.ListAsync(new ActionFilter(PerPage: 100), CancellationToken.None);
        var deployed = await Deployer.DeployedNumbersAsync(page.Items, CancellationToken.None);
        _rows = [.. page.Items.Select(a => new LibraryRow(a, ActionStatus.Of(a, deployed.TryGetValue(a.Id, out var number) ? number : null)))];
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateActionDialog>("Build from scratch");
        if (await dialog.Result is { Canceled: false, Data: string id })
            Navigation.NavigateTo($"actions/{id}");
    }

    private async Task DeleteAsync(ActionDefinition action)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete Action", $"Delete '{action.Name}' and all its versions?", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
            return;
        try
        {
            await Actions.DeleteAsync(action.Id, force: false, CancellationToken.None);
        }
        catch (OperationRejectedException e) when (e.Kind == RejectionKind.Conflict)
        {
            // Bound to a flow: say why, and let the admin remove it from the flow in the same step.
            var force = await Dialogs.ShowMessageBoxAsync("The Action is in use", e.Message, yesText: "Delete anyway", cancelText: "Keep it");
            if (force != true)
                return;
            if (!await TryAsync(() => Actions.DeleteAsync(action.Id, force: true, CancellationToken.None)))
                return;
        }
        catch (OperationRejectedException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
            return;
        }
        Snackbar.Add($"Deleted '{action.Name}'.", Severity.Success);
        await LoadAsync();
    }

    private async Task<bool> TryAsync(Func<Task> operation)
    {
        try
        {
            await operation();
            return true;
        }
        catch (OperationRejectedException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
            return false;
        }
    }

    private sealed record LibraryRow(ActionDefinition Action, ActionStatus Status);
}
