using Bunit;
using Flowgate.Dashboard.Components.Pages.Actions;
using Flowgate.Dashboard.Testing;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Triggers;
using Flowgate.Tests.Endpoints.Management;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Flowgate.Tests.Components.Actions;

/// <summary>The editor's continue test, rendered with the real runner (V8, the Action's saved draft) behind it.</summary>
public sealed class ContinueTestPanelTests : BunitContext, IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public ContinueTestPanelTests(FlowgateAppFixture fixture)
    {
        _app = fixture.App;
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    // The runner is registered first: bUnit takes no services once one has been read. Rendered as once interactive.
    private void UseRunner(IServiceProvider scope)
    {
        Services.AddSingleton<IContinueTestRunner>(new ActionTestRunner(scope.GetRequiredService<DraftRunner>()));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Run_with_continue_shows_the_redirect_and_what_the_continue_handler_did_with_the_edited_query_and_body()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var action = await scope.ServiceProvider.GetRequiredService<ActionService>().CreateAsync(new ActionCreateRequest
        {
            Name = "verify " + Guid.NewGuid().ToString("N")[..6], TriggerId = "post-login", Code = ContinueTestApiTests.Code,
        }, CancellationToken.None);
        UseRunner(scope.ServiceProvider);
        var saved = false;
        var panel = Render<ContinueTestPanel>(p => p
            .Add(x => x.ActionId, action.Id)
            .Add(x => x.Trigger, TriggerCatalog.Get("post-login"))
            .Add(x => x.EventJson, """{"user": {"user_id": "auth0|7"}, "request": {"ip": "203.0.113.9"}}""")
            .Add(x => x.BeforeRunAsync, () => { saved = true; return Task.FromResult(true); }));

        panel.Find("textarea[data-test=continue-query]").Input("""{"code": "987"}""");
        panel.Find("textarea[data-test=continue-body]").Input("""{"answer": "no"}""");
        await panel.Find("button[data-test=run-continue-test]").ClickAsync(new());

        Assert.True(saved);
        panel.WaitForElement("[data-test=continue-outcome]", TimeSpan.FromSeconds(30));
        Assert.Contains("api.redirect.sendUserTo", panel.Find("[data-test=continue-execute-outcome] [data-test=test-command]").TextContent);
        var redirect = panel.Find("[data-test=continue-redirect]").TextContent;
        Assert.StartsWith("https://verify.example/check?user=auth0%7C7&state=test-", redirect);
        var state = redirect.Split("state=")[1];
        Assert.Contains($"987:no:{state}", panel.Find("[data-test=continue-outcome] [data-test=test-command]").TextContent);
    }

    [Fact]
    public void Only_a_trigger_with_a_continue_handler_gets_the_panel_and_bad_input_disables_it()
    {
        using var scope = _app.Services.CreateScope();
        UseRunner(scope.ServiceProvider);
        var none = Render<ContinueTestPanel>(p => p.Add(x => x.ActionId, "a1").Add(x => x.Trigger, TriggerCatalog.Get("credentials-exchange")));
        var panel = Render<ContinueTestPanel>(p => p.Add(x => x.ActionId, "a1").Add(x => x.Trigger, TriggerCatalog.Get("post-login")).Add(x => x.EventJson, "{}"));

        panel.Find("textarea[data-test=continue-query]").Input("""{"code": 5}""");

        Assert.Empty(none.FindAll("[data-test=continue-test]"));
        Assert.Contains("JSON object of strings", panel.Find("[data-test=continue-input-error]").TextContent);
        Assert.True(panel.Find("button[data-test=run-continue-test]").HasAttribute("disabled"));
    }
}
