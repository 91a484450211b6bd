using System.Text.Json.Nodes;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore.Components;
using Flowgate.Dashboard.Components.Layout;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Users;

public sealed partial class UserDetail
{
    private TenantUser? _user;
    private string? _missing;
    private bool _busy;

    /// <summary>The user id (<c>auth0|...</c>), unescaped by the router.</summary>
    [Parameter] public string Id { get; set; } = "";

    [Inject] private UserService UserService { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _user = await UserService.GetAsync(Id, CancellationToken.None);
            _missing = null;
        }
        catch (OperationRejectedException e) when (e.Kind == RejectionKind.NotFound)
        {
            (_user, _missing) = (null, "This user does not exist (any more).");
        }
    }

    private void OnSaved(TenantUser user) => _user = user;

    private async Task<bool> SaveMetadataAsync(JsonObject? userMetadata, JsonObject? appMetadata) =>
        await RunAsync(() => UserService.ReplaceMetadataAsync(Id, userMetadata, appMetadata, CancellationToken.None),
            userMetadata is null ? "app_metadata saved." : "user_metadata saved.");

    private Task ToggleBlockAsync() =>
        RunAsync(() => UserService.UpdateAsync(Id, new UserUpdate { Blocked = !_user!.Blocked }, CancellationToken.None),
            _user!.Blocked ? "User unblocked: they can log in again." : "User blocked: they cannot log in.");

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete user", $"Delete {_user!.Email}? Their roles and sessions go too; this cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
            return;
        if (await Snackbar.TryAsync(() => UserService.DeleteAsync(Id, CancellationToken.None), $"Deleted {_user.Email}."))
            Navigation.NavigateTo("users");
    }

    private async Task<bool> RunAsync(Func<Task<TenantUser>> change, string done)
    {
        _busy = true;
        var saved = await Snackbar.TryAsync(async () => _user = await change(), done);
        _busy = false;
        return saved;
    }
}
