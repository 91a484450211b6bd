using Microsoft.JSInterop;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>
/// The editor's own Monaco calls (<c>wwwroot/js/flowgate-editor.js</c>): type declarations, secret names, diff models.
/// They only help the editor, so a failing call is logged and the page carries on.
/// </summary>
internal sealed class EditorScripts(IJSRuntime js, ILogger logger) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    /// <summary>Completes when Monaco has loaded; editors are created only after it.</summary>
    public Task WhenReadyAsync() => CallAsync("whenReady");

    public Task SetTypesAsync(string triggerId, string declarations, DraftNames names) =>
        CallAsync("setTypes", triggerId, declarations, names.Secrets, names.Packages);

    /// <summary>The schema the test event's JSON editor checks and completes against.</summary>
    public Task SetEventSchemaAsync(string schemaJson) => CallAsync("setEventSchema", schemaJson);

    /// <summary>The draft's secret names (typed members of <c>event.secrets</c>) and npm dependencies (requirable).</summary>
    public Task SetDraftNamesAsync(DraftNames names) => CallAsync("setDraftNames", names.Secrets, names.Packages);

    public Task ShowDiffAsync(string diffEditorId, string original, string modified) => CallAsync("showDiff", diffEditorId, original, modified);

    /// <summary>Starts keeping the editor's unsaved code in the browser, under <paramref name="key"/>.</summary>
    public Task KeepUnsavedAsync(string editorId, string key, Guid stamp, string? fromVersion) =>
        CallAsync("keepUnsaved", editorId, key, stamp.ToString(), fromVersion);

    /// <summary>The kept code now comes from an old version (load into draft), until saved or discarded.</summary>
    public Task LoadVersionAsync(string key, string versionId) => CallAsync("loadVersion", key, versionId);

    /// <summary>The code kept from an earlier visit, if any.</summary>
    public async Task<UnsavedCode?> TakeUnsavedAsync(string key)
    {
        try
        {
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/flowgate-editor.js");
            return await _module.InvokeAsync<UnsavedCode?>("takeUnsaved", key);
        }
        catch (JSException e)
        {
            logger.LogWarning(e, "Editor script {Function} failed", "takeUnsaved");
            return null;
        }
    }

    /// <summary>Drops the kept code (saved or discarded); later edits are based on <paramref name="stamp"/>.</summary>
    public Task ForgetUnsavedAsync(string key, Guid stamp) => CallAsync("forgetUnsaved", key, stamp.ToString());

    /// <summary>The draft was saved without its code (secrets, dependencies): kept edits now build on <paramref name="stamp"/>.</summary>
    public Task RebaseUnsavedAsync(string key, Guid stamp) => CallAsync("rebaseUnsaved", key, stamp.ToString());

    /// <summary>Removes the declarations (Monaco's extra libs outlive the page that added them).</summary>
    public Task ClearTypesAsync() => _module is null ? Task.CompletedTask : CallAsync("clearTypes");

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
            return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone with its page; Monaco went with it.
        }
    }

    private async Task CallAsync(string function, params object?[] args)
    {
        try
        {
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/flowgate-editor.js");
            await _module.InvokeVoidAsync(function, args);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone with its page; Monaco went with it.
        }
        catch (JSException e)
        {
            logger.LogWarning(e, "Editor script {Function} failed", function);
        }
    }
}

/// <summary>What the editor's type checker learns from the draft besides its code.</summary>
internal sealed record DraftNames(string[] Secrets, string[] Packages);
