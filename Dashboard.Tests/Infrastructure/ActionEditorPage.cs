using System.Text.RegularExpressions;
using Flowgate.Runtime.Actions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Infrastructure;

/// <summary>What browser tests do in the Action editor: type into Monaco, find versions, wait for text.</summary>
internal static class ActionEditorPage
{
    public const string Code = ".action-code-editor .view-lines";
    public const string TestEvent = "[data-test=test-event] .monaco-editor .view-lines";

    /// <summary>Creates a post-login Action through the service (the template's code unless given); returns its id.</summary>
    public static async Task<string> CreateActionAsync(this FlowgateApp app, string name, string? code = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var actions = scope.ServiceProvider.GetRequiredService<ActionService>();
        return (await actions.CreateAsync(new ActionCreateRequest { Name = name, TriggerId = "post-login", Code = code }, CancellationToken.None)).Id;
    }

    /// <summary>Library, "Build from scratch", a name and the default trigger and runtime; waits for the new Action's editor.</summary>
    public static async Task BuildFromScratchAsync(this IPage page, FlowgateApp app, string name)
    {
        await page.GotoAsync(app.BaseUrl() + "/actions/library");
        await page.ClickAsync("[data-test=build-from-scratch]");
        await page.Locator("input[data-test=action-name]").FillAsync(name);
        await page.ClickAsync("[data-test=create-action]");
        // Blazor navigates within the document; polling the address avoids Playwright's navigation-event race.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/actions/[0-9a-f]{8}-"));
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

    /// <summary>Clicks the line showing <paramref name="line"/>, opens a new line below it and pastes <paramref name="text"/> there.</summary>
    public static async Task PasteBelowAsync(this IPage page, string line, string text)
    {
        await page.Locator("[data-test=save-draft]:enabled").WaitForAsync();
        await page.Locator(".action-code-editor .view-line", new() { HasText = line }).ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        // Through the clipboard, as a person pastes: typed text is auto-closed and re-indented by Monaco.
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", text);
        await page.Keyboard.PressAsync("Control+V");
    }

    /// <summary>The test panel's event, as its JSON editor holds it.</summary>
    public static async Task<string> TestEventAsync(this IPage page)
    {
        await page.Locator(TestEvent).WaitForAsync();
        return await page.EvaluateAsync<string>("() => monaco.editor.getModels().find(m => m.getLanguageId() === 'json').getValue()");
    }

    /// <summary>Replaces the test panel's event, as pasting over it would.</summary>
    public static async Task SetTestEventAsync(this IPage page, string json)
    {
        await page.Locator(TestEvent).WaitForAsync();
        await page.EvaluateAsync("json => monaco.editor.getModels().find(m => m.getLanguageId() === 'json').setValue(json)", json);
    }

    public static ILocator Version(this IPage page, int number) => page.Locator($"[data-test=version-row][data-version=\"{number}\"]");

    public static ILocator DeployedTag(this IPage page, int number) => page.Version(number).Locator("[data-test=deployed-tag]");

    /// <summary>Waits until one of the located elements shows <paramref name="text"/>.</summary>
    public static Task ExpectTextAsync(this ILocator locator, string text) =>
        locator.Filter(new() { HasText = text }).First.WaitForAsync();
}
