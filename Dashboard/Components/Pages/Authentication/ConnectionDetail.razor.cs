using Flowgate.Dashboard.Components.Layout;
using Flowgate.Dashboard.Connections;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Connections;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Authentication;

/// <summary>A connection's provider settings and the applications it is enabled for.</summary>
public sealed partial class ConnectionDetail
{
    private ConnectionDetails? _connection;
    private ConnectionForm _form = new();
    private IReadOnlyList<ApplicationSummary> _applications = [];
    private HashSet<string> _enabled = [];
    private string? _missing;
    private bool _busy;

    [Parameter] public string Id { get; set; } = "";

    [Inject] private ConnectionService Connections { get; set; } = default!;
    [Inject] private ConnectionSchemes Schemes { get; set; } = default!;
    [Inject] private ApplicationService Applications { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string CallbackUrl => Navigation.BaseUri.TrimEnd('/') + UpstreamRemote.CallbackPath(_connection!.Name);

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            Show(await Connections.GetAsync(Id, CancellationToken.None));
            _applications = [.. (await Applications.ListAsync(CancellationToken.None)).Where(a => a.AppType != ApplicationTypes.MachineToMachine)];
        }
        catch (OperationRejectedException e)
        {
            _missing = e.Message;
        }
    }

    private void Show(ConnectionDetails connection)
    {
        _connection = connection;
        _form = ConnectionForm.From(connection);
        _enabled = [.. connection.EnabledClients];
    }

    private void Toggle(string clientId, bool on)
    {
        if (on)
            _enabled.Add(clientId);
        else
            _enabled.Remove(clientId);
    }

    private Task SaveSettingsAsync() => ChangeAsync(() => Connections.UpdateAsync(Id, new ConnectionSettings
    {
        DisplayName = _form.DisplayName, Options = _form.ToOptions(_connection!.Options),
    }, CancellationToken.None), "Connection saved.");

    private Task SaveApplicationsAsync() =>
        ChangeAsync(() => Connections.SetEnabledClientsAsync(Id, [.. _enabled], CancellationToken.None), "Applications saved.");

    private async Task DeleteAsync()
    {
        _busy = true;
        if (await Snackbar.TryAsync(() => Connections.DeleteAsync(Id, CancellationToken.None), "Connection deleted."))
        {
            await Schemes.RefreshAsync(force: true, CancellationToken.None);
            Navigation.NavigateTo("authentication/" + (ConnectionStrategies.IsSocial(_connection!.Strategy) ? "social" : "enterprise"));
        }
        _busy = false;
    }

    private async Task ChangeAsync(Func<Task<ConnectionDetails>> change, string done)
    {
        _busy = true;
        ConnectionDetails? changed = null;
        if (await Snackbar.TryAsync(async () => changed = await change(), done))
        {
            Show(changed!);
            await Schemes.RefreshAsync(force: true, CancellationToken.None);
        }
        _busy = false;
    }
}
