using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Users;

public sealed partial class Users
{
    private MudTable<TenantUser>? _table;
    private string _search = "";
    private string? _searchError;

    [Inject] private UserService UserService { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    // The table asks for one page at a time: the server searches and counts, the browser never holds every user.
    private async Task<TableData<TenantUser>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await UserService.ListAsync(_search, state.Page, state.PageSize, cancellationToken);
            _searchError = null;
            return new TableData<TenantUser> { Items = page.Items, TotalItems = page.Total };
        }
        catch (OperationRejectedException e)
        {
            _searchError = e.Message;
            return new TableData<TenantUser> { Items = [], TotalItems = 0 };
        }
    }

    private async Task SearchAsync(string search)
    {
        _search = search;
        if (_table is not null)
            await _table.ReloadServerData();
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateUserDialog>("Create user");
        if (await dialog.Result is { Canceled: false, Data: string id })
            Navigation.NavigateTo(UserLinks.Detail(id));
    }
}
