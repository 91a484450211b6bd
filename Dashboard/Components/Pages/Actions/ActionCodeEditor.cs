using BlazorMonaco.Editor;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>BlazorMonaco's code editor, created in its own circuit's browser (see <see cref="MonacoRuntimeGate"/>).</summary>
public sealed class ActionCodeEditor : StandaloneCodeEditor
{
    private string[] _errorMarks = [];

    /// <summary>How an Action's code opens: JavaScript, no minimap, widgets free to overflow the editor's box, no faded text.</summary>
    public static StandaloneEditorConstructionOptions Options(string code) => new()
    {
        AutomaticLayout = true,
        Language = "javascript",
        Value = code,
        Minimap = new EditorMinimapOptions { Enabled = false },
        FixedOverflowWidgets = true,
        ScrollBeyondLastLine = false,
        // Monaco fades an unused name (a handler's `event` or `api` the code does not read yet) to 3.5:1 contrast, below
        // WCAG's 4.5:1 for text; its hover still says the name is unused.
        ShowUnused = false,
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
