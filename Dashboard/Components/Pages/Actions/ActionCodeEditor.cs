using BlazorMonaco.Editor;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>BlazorMonaco's code editor, created in its own circuit's browser (see <see cref="MonacoRuntimeGate"/>).</summary>
public sealed class ActionCodeEditor : StandaloneCodeEditor
{
    private string[] _errorMarks = [];

    /// <summary>How an Action's code opens: JavaScript, no minimap, widgets free to overflow the editor's box.</summary>
    public static StandaloneEditorConstructionOptions Options(string code) => new()
    {
        AutomaticLayout = true,
        Language = "javascript",
        Value = code,
        Minimap = new EditorMinimapOptions { Enabled = false },
        FixedOverflowWidgets = true,
        ScrollBeyondLastLine = false,
    };

    protected override void OnInitialized() => MonacoRuntimeGate.Initialize(base.OnInitialized);

    protected override Task OnAfterRenderAsync(bool firstRender) => MonacoRuntimeGate.Run(jsRuntime, () => base.OnAfterRenderAsync(firstRender));

    /// <summary>Marks the line of an error (a syntax error, a test run's stack) and scrolls to it; null clears the mark.</summary>
    public async Task MarkErrorLineAsync(int? line)
    {
        ModelDeltaDecoration[] marks = line is { } number
            ? [new ModelDeltaDecoration
            {
                Range = new BlazorMonaco.Range(number, 1, number, 1),
                Options = new ModelDecorationOptions { IsWholeLine = true, ClassName = "action-error-line", LinesDecorationsClassName = "action-error-glyph" },
            }]
            : [];
        _errorMarks = await DeltaDecorations(_errorMarks, marks);
        if (line is { } reveal)
            await RevealLineInCenterIfOutsideViewport(reveal, null);
    }
}
