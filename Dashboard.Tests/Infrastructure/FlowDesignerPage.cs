using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flowgate.Tests.Infrastructure;

/// <summary>What browser tests do on the flow canvas: find palette items and nodes, drag them as a hand does.</summary>
internal static class FlowDesignerPage
{
    public static ILocator PaletteItem(this IPage page, string name) => page.Locator($"[data-test=palette-item][data-action=\"{name}\"]");

    public static ILocator Node(this IPage page, string name) => page.Locator($"[data-test=flow-node][data-action=\"{name}\"]");

    private static ILocator Canvas(this IPage page) => page.Locator("[data-test=canvas]");

    /// <summary>The canvas shows exactly these Actions in this order: each node's step number, and top to bottom on screen.</summary>
    public static async Task ExpectFlowAsync(this IPage page, params string[] names)
    {
        await Expect(page.Locator("[data-test=flow-node]")).ToHaveCountAsync(names.Length);
        for (var i = 0; i < names.Length; i++)
            await Expect(page.Node(names[i]).Locator("[data-test=node-step]")).ToHaveTextAsync($"{i + 1}");
        var tops = new List<float>();
        foreach (var name in names)
            tops.Add((await page.Node(name).BoundingBoxAsync())!.Y);
        Assert.Equal(tops.Order(), tops);
    }

    /// <summary>Drags a palette Action (HTML drag and drop) onto the canvas, at a point given from its top left corner.</summary>
    public static Task DropOnCanvasAsync(this IPage page, string action, float x, float y) =>
        page.PaletteItem(action).DragToAsync(page.Canvas(), new() { SourcePosition = new() { X = 12, Y = 12 }, TargetPosition = new() { X = x, Y = y }, Steps = 10 });

    /// <summary>Drags a palette Action onto the middle of the link between two nodes; checks the link is what lies there.</summary>
    public static async Task DropOnLinkAsync(this IPage page, string action, string above, string below)
    {
        var from = (await page.Node(above).BoundingBoxAsync())!;
        var to = (await page.Node(below).BoundingBoxAsync())!;
        var canvas = (await page.Canvas().BoundingBoxAsync())!;
        var x = from.X + from.Width / 2;
        var y = (from.Y + from.Height + to.Y) / 2;
        Assert.True(await page.EvaluateAsync<bool>("p => !!document.elementFromPoint(p.x, p.y)?.closest('.diagram-link')", new { x = (double)x, y = (double)y }),
            "the point between the two nodes should be on their link");
        await page.DropOnCanvasAsync(action, x - canvas.X, y - canvas.Y);
    }

    /// <summary>Moves a node by its grip (pointer down, move in steps, up) until its centre is below another node's.</summary>
    public static async Task MoveNodeBelowAsync(this IPage page, string node, string below)
    {
        var from = (await page.Node(node).BoundingBoxAsync())!;
        var to = (await page.Node(below).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + 12, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + 12, to.Y + to.Height + from.Height / 2 + 10, new() { Steps = 15 });
        await page.Mouse.UpAsync();
    }
}
