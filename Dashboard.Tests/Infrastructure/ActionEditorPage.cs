using Flowgate.Runtime.Actions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Infrastructure;

/// <summary>What browser tests do in the Action editor: type into Monaco, find versions, wait for text.</summary>
internal static class ActionEditorPage
{
    public const string Code = ".action-code-editor .view-lines";

    /// <summary>Creates a post-login Action through the service (the template's code unless given); returns its id.</summary>
    public static async Task<string> CreateActionAsync(this FlowgateApp app, string name, string? code = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var actions = scope.ServiceProvider.GetRequiredService<ActionService>();
        return (await actions.CreateAsync(new ActionCreateRequest { Name = name, TriggerId = "post-login", Code = code }, CancellationToken.None)).Id;
    }

    // The template ends with the last handler's closing "};": typing at the start of that line is inside the handler.
    public static async Task MoveIntoLastHandlerAsync(this IPage page)
    {
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("Home");
    }

    /// <summary>Types a line at the end of the last handler, once the editor is ready.</summary>
    public static async Task TypeIntoHandlerAsync(this IPage page, string line)
    {
        await page.Locator("[data-test=save-draft]:enabled").WaitForAsync();
        await page.ClickAsync(Code);
        await page.MoveIntoLastHandlerAsync();
        await page.Keyboard.TypeAsync(line);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Replaces the whole code the way a person pastes over a selection (Monaco indents typed text itself).</summary>
    public static async Task PasteCodeAsync(this IPage page, string code)
    {
        await page.Locator("[data-test=save-draft]:enabled").WaitForAsync();
        await page.ClickAsync(Code);
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.InsertTextAsync(code);
    }

    public static ILocator Version(this IPage page, int number) => page.Locator($"[data-test=version-row][data-version=\"{number}\"]");

    public static ILocator DeployedTag(this IPage page, int number) => page.Version(number).Locator("[data-test=deployed-tag]");

    /// <summary>Waits until one of the located elements shows <paramref name="text"/>.</summary>
    public static Task ExpectTextAsync(this ILocator locator, string text) =>
        locator.Filter(new() { HasText = text }).First.WaitForAsync();
}
