using BlazorMonaco.Editor;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>BlazorMonaco's code editor, created in its own circuit's browser (see <see cref="MonacoRuntimeGate"/>).</summary>
public sealed class ActionCodeEditor : StandaloneCodeEditor
{
    protected override void OnInitialized() => MonacoRuntimeGate.Initialize(base.OnInitialized);

    protected override Task OnAfterRenderAsync(bool firstRender) => MonacoRuntimeGate.Run(jsRuntime, () => base.OnAfterRenderAsync(firstRender));
}
