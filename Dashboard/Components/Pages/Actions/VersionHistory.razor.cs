using BlazorMonaco.Editor;
using Flowgate.Runtime.Actions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Actions;

public sealed partial class VersionHistory : IAsyncDisposable
{
    private IReadOnlyList<ActionVersion>? _versions;
    private ActionVersion? _compared;
    private ActionDiffEditor? _diff;
    private EditorScripts? _scripts;
    private bool _diffReady;
    private bool _busy;

    /// <summary>The Action whose versions are listed.</summary>
    [Parameter, EditorRequired] public string ActionId { get; set; } = "";

    /// <summary>Reads the draft as it is in the editor now, saved or not.</summary>
    [Parameter, EditorRequired] public Func<Task<string>> DraftCodeAsync { get; set; } = default!;

    /// <summary>Puts a version into the editor as unsaved changes to the draft (its code, secrets and dependencies).</summary>
    [Parameter] public EventCallback<ActionVersion> LoadIntoDraft { get; set; }

    /// <summary>Raised after a rollback made a new deployed version.</summary>
    [Parameter] public EventCallback Deployed { get; set; }

    [Inject] private ActionDeployer Deployer { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ILogger<VersionHistory> Logger { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    protected override Task OnInitializedAsync() => RefreshAsync();

    /// <summary>Reloads the list (after a deploy made elsewhere on the page).</summary>
    public async Task RefreshAsync()
    {
        _versions = (await Deployer.ListVersionsAsync(ActionId, 0, 100, CancellationToken.None)).Items;
        StateHasChanged();
    }

    private static StandaloneDiffEditorConstructionOptions DiffOptions(StandaloneDiffEditor editor) => new()
    {
        AutomaticLayout = true,
        ReadOnly = true,
        RenderSideBySide = true,
        Minimap = new EditorMinimapOptions { Enabled = false },
    };

    private async Task DiffAsync(ActionVersion version)
    {
        _compared = version;
        if (_diffReady)
            await ShowDiffAsync();
    }

    private async Task ShowDiffAsync()
    {
        _diffReady = true;
        _scripts ??= new EditorScripts(JS, Logger);
        await _scripts.ShowDiffAsync("action-diff", _compared!.Code, await DraftCodeAsync());
    }

    private async Task RollbackAsync(ActionVersion version)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Roll back",
            $"Deploy v{version.Number} again as a new version? Live traffic switches to it at once; your draft is not changed.",
            yesText: "Roll back", cancelText: "Cancel");
        if (confirmed != true)
            return;
        _busy = true;
        try
        {
            var actor = (await Authentication.GetAuthenticationStateAsync()).User.Identity?.Name;
            var deployed = await Deployer.RollbackAsync(ActionId, version.Id, updateDraft: false, actor, CancellationToken.None);
            Snackbar.Add($"v{version.Number} deployed again as v{deployed.Number}.", Severity.Success);
            await Deployed.InvokeAsync();
            await RefreshAsync();
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

    public async ValueTask DisposeAsync()
    {
        if (_scripts is not null)
            await _scripts.DisposeAsync();
    }
}
