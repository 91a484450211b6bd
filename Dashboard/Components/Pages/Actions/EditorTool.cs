using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>One of the editor's tools in its rail: what the tab says and shows, and its panel's width.</summary>
internal sealed record EditorTool(string Key, string Label, string Icon, bool Wide = false)
{
    public const string Test = "test";
    public const string History = "history";

    /// <summary>The rail, top to bottom. Version history is wide: its diff needs the room.</summary>
    public static readonly IReadOnlyList<EditorTool> All =
    [
        new(Test, "Test", Icons.Material.Filled.PlayArrow),
        new("secrets", "Secrets", Icons.Material.Filled.Key),
        new("dependencies", "Dependencies", Icons.Material.Filled.ViewInAr),
        new(History, "Version history", Icons.Material.Filled.History, Wide: true),
        new("saved-tests", "Saved tests", Icons.Material.Filled.PlaylistAddCheck),
        new("metrics", "Metrics", Icons.Material.Filled.BarChart),
    ];
}
