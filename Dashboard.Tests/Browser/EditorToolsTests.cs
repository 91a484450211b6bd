using Flowgate.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

/// <summary>The Action editor's tools: the rail and its panels, the typed code and the test event's JSON editor.</summary>
public sealed class EditorToolsTests : IClassFixture<Infrastructure.Browser>
{
    private readonly IBrowser _browser;

    public EditorToolsTests(Infrastructure.Browser browser) => _browser = browser.Instance;

    [Fact]
    public async Task Completion_on_event_offers_the_triggers_fields_and_not_the_DOMs_Event_and_console_is_known()
    {
        using var app = KestrelApp.Start();
        var id = await app.CreateActionAsync("Completion " + Guid.NewGuid().ToString("N")[..6]);
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;
        await page.GotoAsync($"{app.BaseUrl()}/actions/{id}");

        await page.TypeIntoHandlerAsync("console.log(event.user.email);");
        await page.Keyboard.TypeAsync("event.");
        var suggestions = page.Locator(".monaco-editor .suggest-widget");
        try
        {
            await suggestions.WaitForAsync(new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // The '.' can arrive before the TypeScript worker is up, and Monaco then drops that request: ask as a user would.
            await page.Keyboard.PressAsync("Control+Space");
            await suggestions.WaitForAsync();
        }
        // The whole list the TypeScript worker completes with, not only the rows the widget has room for.
        var names = await page.EvaluateAsync<string[]>("""
            async () => {
                const model = monaco.editor.getModels().find(m => m.getLanguageId() === 'javascript');
                const worker = await (await monaco.languages.typescript.getJavaScriptWorker())(model.uri);
                const offset = model.getValue().lastIndexOf('event.') + 'event.'.length;
                const completions = await worker.getCompletionsAtPosition(model.uri.toString(), offset);
                return completions.entries.map(e => e.name);
            }
            """);
        Assert.Contains("user", names);
        Assert.Contains("authorization", names);
        Assert.DoesNotContain("bubbles", names);
        Assert.DoesNotContain("preventDefault", names);

        await page.Keyboard.PressAsync("Escape");
        // A wrong call, so the checker has surely run when it is flagged.
        await page.Keyboard.TypeAsync("user; api.nope();");
        await page.WaitForFunctionAsync("() => monaco.editor.getModelMarkers({}).some(m => m.message.includes(\"'nope' does not exist\"))");
        var markers = await page.EvaluateAsync<string[]>("() => monaco.editor.getModelMarkers({}).map(m => m.message)");
        Assert.DoesNotContain(markers, m => m.Contains("console", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_test_event_is_JSON_checked_against_the_triggers_event_and_a_passing_run_shows_no_error_and_stays_inside_the_page()
    {
        using var app = KestrelApp.Start();
        var id = await app.CreateActionAsync("Event " + Guid.NewGuid().ToString("N")[..6],
            "exports.onExecutePostLogin = async (event, api) => { console.log('x'.repeat(600)); };");
        await using var session = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await (await session.NewPageAsync()).SignInAsync(app);
        await page.GotoAsync($"{app.BaseUrl()}/actions/{id}");

        var sample = await page.TestEventAsync();
        Assert.Contains("\"user\"", sample);
        await page.SetTestEventAsync(sample.Replace("\"user\":", "\"usr\":", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => monaco.editor.getModelMarkers({}).some(m => m.message.includes('usr'))");
        await page.SetTestEventAsync(sample);

        await page.Locator("[data-test=save-draft]:enabled").WaitForAsync();
        await page.ClickAsync("[data-test=run-test]");
        await Assertions.Expect(page.Locator("[data-test=test-logs]")).ToContainTextAsync("xxxxxxxx");
        await Assertions.Expect(page.Locator("[data-test=test-outcome]")).Not.ToContainTextAsync("Error");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the console output widens the page");
    }

    [Fact]
    public async Task The_rail_opens_one_tool_at_a_time_version_history_wide_enough_for_its_diff_and_metrics_with_a_chart()
    {
        using var app = KestrelApp.Start();
        var id = (await app.DeployFlowAsync("post-login", ("Rail", "exports.onExecutePostLogin = async () => {};")))[0];
        await using var session = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await (await session.NewPageAsync()).SignInAsync(app);
        await page.GotoAsync($"{app.BaseUrl()}/actions/{id}");

        var panel = page.Locator("[data-test=rail-panel]");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Test", Exact = true })).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("[data-test=run-test]")).ToBeVisibleAsync();

        await page.ClickAsync("[data-test=version-history]");
        await Assertions.Expect(page.Locator("[data-test=run-test]")).ToBeHiddenAsync();
        await page.Version(1).Locator("[data-test=diff-version]").ClickAsync();
        await page.Locator(".action-diff-editor .modified .view-lines").ExpectTextAsync("onExecutePostLogin");
        var box = await panel.BoundingBoxAsync();
        Assert.True(box!.Width >= 600, $"the history panel is {box.Width}px wide");
        Assert.True(box.Y + box.Height <= 900, "the history panel ends below the window");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Metrics" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=history-panel]")).ToHaveCountAsync(0);
        var chart = page.Locator("[data-test=action-metrics] svg").First;
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True((await chart.BoundingBoxAsync())!.Height >= 200, "the executions chart is too small to read");

        // Choosing the open tool again closes the panel: the code gets the width.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Metrics" }).ClickAsync();
        await Assertions.Expect(panel).ToBeHiddenAsync();
    }
}
