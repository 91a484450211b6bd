using System.Reflection;
using BlazorMonaco.Editor;
using Microsoft.JSInterop;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>
/// BlazorMonaco 3.0.0 creates every editor through one static <see cref="IJSRuntime"/>: the last
/// circuit that rendered an editor, so two administrators opening editors at once could have one
/// browser's editor created in the other's. 3.1.0 fixes it, but the registry here serves only
/// 3.0.0; until then each creation sets that static to its own circuit's runtime under one lock.
/// Every editor's <c>OnInitialized</c> also writes the static, so it must take the same lock:
/// left outside, another circuit's initialization could swap the runtime between set and read.
/// </summary>
internal static class MonacoRuntimeGate
{
    private static readonly Lock Gate = new();

    private static readonly PropertyInfo Shared =
        typeof(StandaloneCodeEditor).Assembly.GetType("BlazorMonaco.Helpers.JsRuntimeExt")?.GetProperty("Shared", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException("BlazorMonaco changed: JsRuntimeExt.Shared is gone; remove this gate if the version in use creates editors per circuit.");

    /// <summary>Runs an editor's initialization, which writes the static, without racing a creation.</summary>
    public static void Initialize(Action initialize)
    {
        lock (Gate)
            initialize();
    }

    /// <summary>Runs <paramref name="render"/>, whose synchronous part reads the static runtime, with it set to <paramref name="js"/>.</summary>
    public static Task Run(IJSRuntime js, Func<Task> render)
    {
        lock (Gate)
        {
            Shared.SetValue(null, js);
            return render();
        }
    }
}
