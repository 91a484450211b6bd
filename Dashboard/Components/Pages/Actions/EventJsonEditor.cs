using BlazorMonaco.Editor;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>
/// The test event as JSON in Monaco, checked and completed against the trigger's event schema (see
/// <see cref="EventSchema"/>), created in its own circuit's browser (see <see cref="MonacoRuntimeGate"/>).
/// </summary>
public sealed class EventJsonEditor : StandaloneCodeEditor
{
    /// <summary>How the event opens: JSON, no minimap, folding, widgets free to overflow the narrow panel.</summary>
    public static StandaloneEditorConstructionOptions Options(string json) => new()
    {
        AutomaticLayout = true,
        Language = "json",
        Value = json,
        Minimap = new EditorMinimapOptions { Enabled = false },
        FixedOverflowWidgets = true,
        ScrollBeyondLastLine = false,
        LineNumbers = "off",
        Folding = true,
        TabSize = 2,
    };

    protected override void OnInitialized() => MonacoRuntimeGate.Initialize(base.OnInitialized);

    protected override Task OnAfterRenderAsync(bool firstRender) => MonacoRuntimeGate.Run(jsRuntime, () => base.OnAfterRenderAsync(firstRender));
}
