using MudBlazor;

namespace Flowgate.Dashboard.Components.Layout;

/// <summary>The dashboard's one theme.</summary>
internal static class FlowgateTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3F51B5",
            Secondary = "#00897B",
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
