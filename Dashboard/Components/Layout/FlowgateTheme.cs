using MudBlazor;

namespace Flowgate.Dashboard.Components.Layout;

/// <summary>
/// The dashboard's one theme. Every colour that carries text (as text, or under white text on chips and filled
/// buttons) meets WCAG 2.2 AA's 4.5:1 on white; MudBlazor's defaults (#00C853, #FF9800, #F44336, #2196F3) do not.
/// </summary>
internal static class FlowgateTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3F51B5",
            Secondary = "#00695C",
            Success = "#2E7D32",
            Warning = "#B45309",
            Error = "#C62828",
            Info = "#1565C0",
            AppbarBackground = "#1E2235",
            AppbarText = "#FFFFFF",
            DrawerBackground = "#F7F8FB",
            Background = "#FFFFFF",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "248px" },
    };
}
