using Flowgate.Dashboard.Components.Layout;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Applications;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Applications;

public sealed partial class ApplicationDetail
{
    private ApplicationDetails? _application;
    private string? _missing;
    private string? _newSecret;
    private bool _busy;

    [Parameter] public string ClientId { get; set; } = "";

    [Inject] private ApplicationService Applications { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            (_application, _missing, _newSecret) = (await Applications.GetAsync(ClientId, CancellationToken.None), null, null);
        }
        catch (OperationRejectedException e) when (e.Kind == RejectionKind.NotFound)
        {
            (_application, _missing) = (null, "This application does not exist (any more).");
        }
    }

    private Task<bool> SaveAsync(ApplicationSettings settings) =>
        Snackbar.TryAsync(async () => _application = await Applications.UpdateAsync(ClientId, settings, CancellationToken.None), "Settings saved.");

    private async Task RotateAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Rotate secret",
            "The current secret stops working at once: every service using it fails until it gets the new one.", yesText: "Rotate", cancelText: "Cancel");
        if (confirmed != true)
            return;
        _busy = true;
        await Snackbar.TryAsync(async () => _newSecret = await Applications.RotateSecretAsync(ClientId, CancellationToken.None), "Secret rotated.");
        _busy = false;
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete application",
            $"Delete {_application!.Name}? Its tokens and API grants go too; users can no longer log in to it.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true && await Snackbar.TryAsync(() => Applications.DeleteAsync(ClientId, CancellationToken.None), $"Deleted {_application.Name}."))
            Navigation.NavigateTo("applications");
    }
}
