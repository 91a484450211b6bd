using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore.Components;
using Flowgate.Dashboard.Components.Layout;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Roles;

public sealed partial class RoleDetail
{
    private TenantRole? _role;
    private string? _missing;
    private string _name = "";
    private string? _description;
    private bool _busy;

    /// <summary>The role id (<c>rol_...</c>).</summary>
    [Parameter] public string Id { get; set; } = "";

    [Inject] private RoleService RoleService { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            Show(await RoleService.GetAsync(Id, CancellationToken.None));
            _missing = null;
        }
        catch (OperationRejectedException e) when (e.Kind == RejectionKind.NotFound)
        {
            (_role, _missing) = (null, "This role does not exist (any more).");
        }
    }

    private void Show(TenantRole role) => (_role, _name, _description) = (role, role.Name ?? "", role.Description);

    private async Task SaveAsync()
    {
        _busy = true;
        await Snackbar.TryAsync(async () => Show(await RoleService.UpdateAsync(Id, _name, _description ?? "", CancellationToken.None)), "Role saved.");
        _busy = false;
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete role", $"Delete {_role!.Name}? Every user holding it loses it.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
            return;
        if (await Snackbar.TryAsync(() => RoleService.DeleteAsync(Id, CancellationToken.None), $"Deleted {_role.Name}."))
            Navigation.NavigateTo("roles");
    }
}
