using Microsoft.Playwright;

namespace Flowgate.Tests.Infrastructure;

/// <summary>What browser tests do in the flow designer: find palette items and nodes, drag them.</summary>
internal static class FlowDesignerPage
{
    // Grab items by their left edge (name or grip), away from the buttons on their right, and move
    // in steps as a hand does: the drop position comes from the items the pointer passes over.
    public static readonly LocatorDragToOptions ByLeftEdge = new() { SourcePosition = new() { X = 12, Y = 12 }, Steps = 40 };

    public static ILocator PaletteItem(this IPage page, string name) => page.Locator($"[data-test=palette-item][data-action=\"{name}\"]");

    public static ILocator Node(this IPage page, string name) => page.Locator($"[data-test=flow-node][data-action=\"{name}\"]");

    public static ILocator NodeNames(this IPage page) => page.Locator("[data-test=flow-node] [data-test=node-name]");
}
