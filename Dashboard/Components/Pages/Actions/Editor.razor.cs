using BlazorMonaco;
using BlazorMonaco.Editor;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Triggers;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>The Action editor: Monaco with the trigger's types, save (Ctrl+S) and deploy, and the side panels.</summary>
public sealed partial class Editor
{
    private ActionCodeEditor? _editor;
    private VersionHistory? _history;
    private EditorScripts? _scripts;
    private ActionDefinition? _action;
    // An old version loaded into the editor: the next save restores its secrets and dependencies too.
    private ActionVersion? _loaded;
    private TriggerDefinition _trigger = TriggerCatalog.All[0];
    private int? _deployedNumber;
    private string? _missing;
    private string? _syntaxError;
    private bool _dirty;
    private bool _busy;
    private bool _monacoLoaded;
    private bool _editorReady;
    // The rail's open tool: the test panel until the user picks another or closes it.
    private string? _tool = EditorTool.Test;
    private bool _savedTests;
    // The test panel's event and last run, which the saved tests panel saves as a test.
    private string? _testEvent;
    private ActionTestOutcome? _lastRun;
    private int _metricsKey;

    [Parameter] public string Id { get; set; } = "";

    /// <summary>An execution whose event the test panel starts with ("Replay in editor" in the logs).</summary>
    [SupplyParameterFromQuery(Name = "replay")] public string? ReplayExecutionId { get; set; }

    private string? _replayEvent;

    [Inject] private ActionService Actions { get; set; } = default!;
    [Inject] private Flowgate.Runtime.Monitoring.ExecutionLog Executions { get; set; } = default!;
    [Inject] private ActionDeployer Deployer { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ILogger<Editor> Logger { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private IServiceProvider Services { get; set; } = default!;

    private ActionStatus Status => ActionStatus.Of(_action!, _deployedNumber);

    private string UnsavedKey => $"flowgate:unsaved:{Id}";

    // One Monaco editor per Action: BlazorMonaco keeps an editor's text when one with the same id is created again.
    private string EditorId => $"action-code-{Id}";

    private string EditorClass => "action-editor" + (_tool is null ? "" : " action-editor-open")
        + (EditorTool.All.Any(t => t.Key == _tool && t.Wide) ? " action-editor-wide" : "");

    protected override void OnInitialized()
    {
        _scripts = new EditorScripts(JS, Logger);
        // Saved tests need the Action store; a host without it shows no such tool.
        _savedTests = Services.GetService<Flowgate.Runtime.Actions.SavedTests.SavedTestSuite>() is not null;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_action is not null && _action.Id != Id)
            (_editorReady, _dirty, _syntaxError, _loaded, _testEvent, _lastRun) = (false, false, null, null, null, null);
        try
        {
            await LoadAsync(await Actions.GetAsync(Id, CancellationToken.None));
            _replayEvent = await ReplayedEvent.FindAsync(Executions, ReplayExecutionId, Id);
            _trigger = TriggerCatalog.Find(_action!.TriggerId) ?? _trigger;
        }
        catch (OperationRejectedException e)
        {
            _missing = e.Message;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
            return;
        await _scripts!.WhenReadyAsync();
        await _scripts.SetEventSchemaAsync(EventSchema.Generate(_trigger));
        _monacoLoaded = true;
        StateHasChanged();
    }

    private async Task OnEditorReadyAsync()
    {
        await _scripts!.SetTypesAsync(_trigger.Id, TypeDeclarations.Generate(_trigger), DraftNames());
        await _editor!.AddCommand((int)KeyMod.CtrlCmd | (int)KeyCode.KeyS, args => _ = InvokeAsync(SaveAsync), null);
        await RestoreUnsavedAsync();
        _editorReady = true;
    }

    private async Task RestoreUnsavedAsync()
    {
        var kept = await _scripts!.TakeUnsavedAsync(UnsavedKey);
        var current = kept is not null && kept.Stamp == _action!.ConcurrencyStamp.ToString();
        await _scripts.KeepUnsavedAsync(EditorId, UnsavedKey, _action!.ConcurrencyStamp, current ? kept!.FromVersion : null);
        if (kept is null || kept.Code == _action.Code && kept.FromVersion is null)
            return;
        if (current)
        {
            _loaded = kept.FromVersion is { } versionId ? await FindVersionAsync(versionId) : null;
            await _editor!.SetValue(kept.Code);
            _dirty = true;
            Snackbar.Add("Your unsaved changes were restored.", Severity.Info);
            return;
        }
        await _scripts.ForgetUnsavedAsync(UnsavedKey, _action.ConcurrencyStamp);
        Snackbar.Add("Unsaved changes from this browser were dropped: the draft has been saved elsewhere since.", Severity.Warning);
    }

    private async Task DiscardAsync()
    {
        await _editor!.SetValue(_action!.Code);
        await _scripts!.ForgetUnsavedAsync(UnsavedKey, _action.ConcurrencyStamp);
        (_dirty, _loaded) = (false, null);
    }

    private void OnCodeChanged(ModelContentChangedEvent change) => _dirty = true;

    private async Task SaveAsync() => await SaveIfDirtyAsync(force: true);

    private Task<bool> SaveIfDirtyAsync() => SaveIfDirtyAsync(force: false);

    private async Task<bool> SaveIfDirtyAsync(bool force)
    {
        if (_editor is null || _action is null || (!_dirty && !force))
            return true;
        _busy = true;
        var code = await _editor.GetValue();
        // Edits typed while the save is in flight mark the draft dirty again.
        _dirty = false;
        try
        {
            _action = await Actions.UpdateDraftAsync(_action.Id,
                new ActionUpdateRequest { Code = code, FromVersionId = _loaded?.Id, ExpectedStamp = _action.ConcurrencyStamp }, CancellationToken.None);
            await _scripts!.ForgetUnsavedAsync(UnsavedKey, _action.ConcurrencyStamp);
            if (_loaded is not null)
                await _scripts.SetDraftNamesAsync(DraftNames());
            _loaded = null;
            var error = Actions.CheckSyntax(code);
            _syntaxError = error?.ToString();
            await HighlightLineAsync(error?.Line);
            Snackbar.Add(error is null ? "Draft saved." : "Draft saved, but it has a syntax error: it cannot be deployed.", error is null ? Severity.Success : Severity.Warning);
            return true;
        }
        catch (OperationRejectedException e)
        {
            _dirty = true;
            Snackbar.Add(e.Message, Severity.Error);
            return false;
        }
        finally
        {
            _busy = false;
            StateHasChanged();
        }
    }

    private async Task ReloadAsync()
    {
        await LoadAsync(await Actions.GetAsync(Id, CancellationToken.None));
        if (_history is not null)
            await _history.RefreshAsync();
    }

    private async Task LoadAsync(ActionDefinition action)
    {
        _action = action;
        _deployedNumber = action.DeployedVersionId is { } versionId
            ? (await Deployer.GetVersionAsync(action.Id, versionId, CancellationToken.None)).Number
            : null;
    }

    private async Task<string> DraftCodeAsync() => _editor is null ? _action!.Code : await _editor.GetValue();

    private async Task LoadIntoDraftAsync(ActionVersion version)
    {
        _loaded = version;
        await _scripts!.LoadVersionAsync(UnsavedKey, version.Id);
        await _editor!.SetValue(version.Code);
        _dirty = true;
        Snackbar.Add($"v{version.Number} loaded into the editor. Save the draft to keep it.", Severity.Info);
    }

    private async Task<ActionVersion?> FindVersionAsync(string versionId)
    {
        try
        {
            return await Deployer.GetVersionAsync(Id, versionId, CancellationToken.None);
        }
        catch (OperationRejectedException)
        {
            return null;
        }
    }

    // Secrets or dependencies changed.
    private async Task OnDraftChangedAsync(ActionDefinition action)
    {
        _action = action;
        await _scripts!.RebaseUnsavedAsync(UnsavedKey, action.ConcurrencyStamp);
        await _scripts.SetDraftNamesAsync(DraftNames());
    }

    private Task HighlightLineAsync(int? line) => _editor?.MarkErrorLineAsync(line) ?? Task.CompletedTask;

    private static string Listed(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);

    private DraftNames DraftNames() => new([.. _action?.Secrets.Select(s => s.Name) ?? []], [.. _action?.Dependencies.Select(d => d.Name) ?? []]);

    private async Task<string?> ActorAsync() => (await Authentication.GetAuthenticationStateAsync()).User.Identity?.Name;

    public async ValueTask DisposeAsync()
    {
        if (_scripts is not null)
        {
            await _scripts.ClearTypesAsync();
            await _scripts.DisposeAsync();
        }
    }
}
