using Bunit;
using Flowgate.Dashboard.Components.Pages.Actions;
using Flowgate.Runtime.Triggers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Flowgate.Tests.Components.Actions;

public sealed class TestPanelTests : BunitContext
{
    private static readonly TriggerDefinition PostLogin = TriggerCatalog.Get("post-login");

    public TestPanelTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    // Buttons stay disabled until the circuit is interactive; the panel renders here as it does once it is.
    private IRenderedComponent<TestPanel> RenderPanel(Action<ComponentParameterCollectionBuilder<TestPanel>> parameters)
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render(parameters);
    }

    [Fact]
    public void Without_a_runner_the_panel_says_so_keeps_the_sample_event_and_cannot_run()
    {
        var panel = RenderPanel(p => p.Add(x => x.ActionId, "a1").Add(x => x.Trigger, PostLogin));

        Assert.Contains("The test runner is not available", panel.Find("[data-test=runner-unavailable]").TextContent);
        Assert.Contains("j+smith@example.com", panel.Find("textarea").GetAttribute("value") ?? panel.Find("textarea").TextContent);
        Assert.True(panel.Find("button[data-test=run-test]").HasAttribute("disabled"));
    }

    [Fact]
    public void An_event_that_is_not_JSON_shows_where_it_breaks_and_disables_Run()
    {
        Services.AddSingleton<IActionTestRunner>(new FakeRunner(Outcome()));
        var panel = RenderPanel(p => p.Add(x => x.ActionId, "a1").Add(x => x.Trigger, PostLogin));

        panel.Find("textarea").Input("{\n  \"user\": {\n    \"email\": \n}");

        Assert.Contains("Invalid JSON at line 4", panel.Find("[data-test=event-error]").TextContent);
        Assert.True(panel.Find("button[data-test=run-test]").HasAttribute("disabled"));
        panel.Find("textarea").Input("[1, 2]");
        Assert.Contains("must be a JSON object", panel.Find("[data-test=event-error]").TextContent);
    }

    [Fact]
    public async Task Run_saves_first_then_shows_commands_console_output_the_error_with_its_stack_and_stats_and_reports_the_error_line()
    {
        var runner = new FakeRunner(Outcome());
        Services.AddSingleton<IActionTestRunner>(runner);
        var saved = false;
        int? errorLine = null;
        var panel = RenderPanel(p => p
            .Add(x => x.ActionId, "a1")
            .Add(x => x.Trigger, PostLogin)
            .Add(x => x.BeforeRunAsync, () => { saved = true; return Task.FromResult(true); })
            .Add(x => x.ErrorLineChanged, EventCallback.Factory.Create<int?>(this, line => errorLine = line)));

        await panel.Find("button[data-test=run-test]").ClickAsync(new());

        Assert.True(saved);
        Assert.Equal(("a1", "auth0|5f7c8ec7c33c6c004bbafe82"), (runner.ActionId, runner.UserId));
        Assert.Equal("api.multifactor.enable(\"any\")", panel.Find("[data-test=test-command]").TextContent);
        Assert.Equal("checking roles\nno role", panel.Find("[data-test=test-logs]").TextContent);
        Assert.Contains("TypeError: x is undefined (line 12)", panel.Find("[data-test=test-error]").TextContent);
        Assert.Contains("at onExecutePostLogin (action.js:12:5)", panel.Find("[data-test=test-stack]").TextContent);
        Assert.Contains("action_duration_ms", panel.Find("[data-test=test-stats]").TextContent);
        Assert.Equal(12, errorLine);
    }

    private static ActionTestOutcome Outcome() => new(
        [new ActionTestCommand("multifactor.enable", "[\"any\"]")],
        ["checking roles", "no role"],
        new ActionTestError("TypeError", "x is undefined", "TypeError: x is undefined\n    at onExecutePostLogin (action.js:12:5)", 12),
        new Dictionary<string, double> { ["action_duration_ms"] = 1.25, ["boot_duration_ms"] = 0.5 });

    private sealed class FakeRunner(ActionTestOutcome outcome) : IActionTestRunner
    {
        public string? ActionId { get; private set; }
        public string? UserId { get; private set; }

        public Task<ActionTestOutcome> RunDraftAsync(string actionId, string eventJson, CancellationToken cancellationToken)
        {
            ActionId = actionId;
            using var json = System.Text.Json.JsonDocument.Parse(eventJson);
            UserId = json.RootElement.GetProperty("user").GetProperty("user_id").GetString();
            return Task.FromResult(outcome);
        }
    }
}
