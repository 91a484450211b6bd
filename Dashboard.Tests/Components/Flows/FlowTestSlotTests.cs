using Blazor.Diagrams.Core.Geometry;
using Bunit;
using Flowgate.Dashboard.Components.Pages.Flows;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Triggers;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Flowgate.Tests.Components.Flows;

/// <summary>The canvas's "Test flow" slot, which lights up only when a flow test runner is registered.</summary>
public sealed class FlowTestSlotTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    [Fact]
    public async Task Without_a_runner_the_canvas_offers_no_flow_test()
    {
        using var scope = fixture.App.Services.CreateScope();
        await using var context = CanvasContext(scope, runner: null);

        var canvas = RenderCanvas(context);

        canvas.WaitForElement("[data-test=canvas]");
        Assert.Empty(canvas.FindAll("[data-test=test-flow]"));
    }

    [Fact]
    public async Task With_a_runner_the_drawer_runs_the_sample_event_and_shows_each_Actions_effects_in_order()
    {
        var runner = new RecordingRunner();
        using var scope = fixture.App.Services.CreateScope();
        await using var context = CanvasContext(scope, runner);

        var canvas = RenderCanvas(context);
        canvas.WaitForElement("[data-test=test-flow]").Click();
        canvas.Find("[data-test=run-test]").Click();

        canvas.WaitForAssertion(() => Assert.Equal(2, canvas.FindAll("[data-test=test-action]").Count));
        Assert.Equal(("post-login", TriggerCatalog.Get("post-login").SampleEventJson), runner.Received);
        Assert.Contains("MFA would be required", canvas.Find("[data-test=test-summary]").TextContent);
        var actions = canvas.FindAll("[data-test=test-action]");
        Assert.Contains("api.accessToken.setCustomClaim(\"plan\", \"pro\")", actions[0].TextContent);
        Assert.Contains("TypeError: boom", actions[1].TextContent);
    }

    // The real services on the test host's own database.
    private static BunitContext CanvasContext(IServiceScope scope, IFlowTestRunner? runner)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        // The diagram measures its canvas on first render; bUnit has no layout, so it answers with a fixed size.
        context.JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 800, 600));
        context.Services.AddMudServices();
        context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<BindingService>());
        context.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<ActionService>());
        if (runner is not null)
            context.Services.AddSingleton(runner);
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }

    private static IRenderedComponent<IComponent> RenderCanvas(BunitContext context) =>
        context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<FlowCanvas>(1);
            builder.AddAttribute(2, nameof(FlowCanvas.TriggerId), "post-login");
            builder.CloseComponent();
        });

    private sealed class RecordingRunner : IFlowTestRunner
    {
        public (string TriggerId, string EventJson)? Received { get; private set; }

        public Task<FlowTestOutcome> RunAsync(string triggerId, string eventJson, IReadOnlyList<BindingReference>? canvas, CancellationToken cancellationToken)
        {
            Received = (triggerId, eventJson);
            return Task.FromResult(new FlowTestOutcome(
            [
                new FlowTestActionResult("Add plan", ["api.accessToken.setCustomClaim(\"plan\", \"pro\")"], ["plan set"], null),
                new FlowTestActionResult("Broken", [], [], "TypeError: boom\n    at onExecutePostLogin"),
            ], "Access token gets plan=pro; MFA would be required."));
        }
    }
}
