using Flowgate.Dashboard.Components.Layout;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Applications;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Apis;

public sealed partial class ApiDetail
{
    private ResourceServer? _api;
    private IReadOnlyList<ResourceServerScope> _scopes = [];
    private string? _missing;
    private string _name = "";
    private int _tokenLifetime;
    private ApiRbacForm _rbac = new();
    private bool _busy;

    [Parameter] public string Id { get; set; } = "";

    [Inject] private ResourceServerService ResourceServers { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            Show(await ResourceServers.GetAsync(Id, CancellationToken.None));
            _missing = null;
        }
        catch (OperationRejectedException e) when (e.Kind == RejectionKind.NotFound)
        {
            (_api, _missing) = (null, "This API does not exist (any more).");
        }
    }

    private void Show(ResourceServer api) =>
        (_api, _scopes, _name, _tokenLifetime, _rbac) = (api, ResourceServerScope.Parse(api.ScopesJson), api.Name, api.TokenLifetimeSeconds, ApiRbacForm.From(api));

    private Task<bool> SaveAsync(ResourceServerSettings settings, string done) =>
        Snackbar.TryAsync(async () => Show(await ResourceServers.UpdateAsync(Id, settings, CancellationToken.None)), done);

    private async Task SaveSettingsAsync()
    {
        _busy = true;
        await SaveAsync(new ResourceServerSettings { Name = _name, TokenLifetime = _tokenLifetime }, "Settings saved.");
        _busy = false;
    }

    private async Task SaveRbacAsync()
    {
        _busy = true;
        await SaveAsync(_rbac.ToSettings(), "RBAC settings saved.");
        _busy = false;
    }

    private Task<bool> SaveScopesAsync(IReadOnlyList<ResourceServerScope> scopes) =>
        SaveAsync(new ResourceServerSettings { Scopes = scopes }, "Permissions saved. Scopes you removed were taken from the applications granted them.");

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete API",
            $"Delete {_api!.Name}? Applications can no longer get tokens for it, and its grants go too.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true && await Snackbar.TryAsync(() => ResourceServers.DeleteAsync(Id, CancellationToken.None), $"Deleted {_api.Name}."))
            Navigation.NavigateTo("apis");
    }
}
