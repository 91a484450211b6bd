using System.Security.Claims;
using Bunit;
using Flowgate.Dashboard.Components.Pages.Actions;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Actions.Canaries;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Flowgate.Tests.Components.Actions;

/// <summary>The Executions card's canary part, on the real canary service: both versions side by side, and the promote button.</summary>
public sealed class CanaryComparisonTests : BunitContext, IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public CanaryComparisonTests(FlowgateAppFixture fixture)
    {
        _app = fixture.App;
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public async Task A_running_canary_shows_both_versions_and_Promote_makes_it_the_deployed_version()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var actions = scope.ServiceProvider.GetRequiredService<ActionService>();
        var canaries = scope.ServiceProvider.GetRequiredService<ActionCanaries>();
        var action = await actions.CreateAsync(new ActionCreateRequest
        {
            Name = "compared " + Guid.NewGuid().ToString("N")[..6], TriggerId = "post-login", Code = "exports.onExecutePostLogin = async () => {};",
        }, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ActionDeployer>().DeployAsync(action.Id, "test", CancellationToken.None);
        await actions.UpdateDraftAsync(action.Id, new ActionUpdateRequest { Code = "exports.onExecutePostLogin = async () => { /* v2 */ };" }, CancellationToken.None);
        await canaries.StartAsync(action.Id, new CanarySettings(Percent: 25, MaxFailureRate: 0.1, MinExecutions: 50), "test", force: false, CancellationToken.None);
        Services.AddSingleton(canaries);
        Services.AddSingleton<AuthenticationStateProvider>(new Administrator());
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var ended = false;

        var card = Render<CanaryComparison>(p => p.Add(x => x.ActionId, action.Id).Add(x => x.Ended, () => ended = true));

        Assert.Contains("v2 runs for 25 % of executions beside v1", card.Find("[data-test=canary]").TextContent);
        Assert.Contains("past 10 % failures after 50 executions", card.Find("[data-test=canary]").TextContent);
        Assert.Contains("v1 (deployed)", card.Find("[data-test=canary-stable]").TextContent);
        Assert.Contains("v2 (canary)", card.Find("[data-test=canary-trial]").TextContent);

        await card.Find("button[data-test=canary-promote]").ClickAsync(new());

        Assert.True(ended);
        Assert.Empty(card.FindAll("[data-test=canary]"));
        Assert.Null(await canaries.GetAsync(action.Id, CancellationToken.None));
        var promoted = await actions.GetAsync(action.Id, CancellationToken.None);
        Assert.Equal(2, (await scope.ServiceProvider.GetRequiredService<ActionDeployer>().GetVersionAsync(action.Id, promoted.DeployedVersionId!, CancellationToken.None)).Number);
    }

    private sealed class Administrator : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ops@example.com")], "test"))));
    }
}
