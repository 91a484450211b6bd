using Flowgate.Dashboard.Components.Pages.Actions;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

public sealed class ActionLibraryTests : IClassFixture<Infrastructure.Browser>
{
    private readonly IBrowser _browser;

    public ActionLibraryTests(Infrastructure.Browser browser) => _browser = browser.Instance;

    [Fact]
    public async Task Deleting_an_Action_bound_to_a_flow_says_why_and_deletes_it_anyway_when_asked()
    {
        using var app = KestrelApp.Start();
        var name = "Bound " + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var action = await scope.ServiceProvider.GetRequiredService<ActionService>()
                .CreateAsync(new ActionCreateRequest { Name = name, TriggerId = "post-login" }, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<ActionDeployer>().DeployAsync(action.Id, "tests", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<BindingService>()
                .ReplaceAsync("post-login", [new BindingReference(BindingRefType.ActionId, action.Id)], null, CancellationToken.None);
        }
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;
        await page.GotoAsync(app.BaseUrl() + "/actions/library");
        var row = page.Locator("tr", new() { HasText = name });
        await Assertions.Expect(row.Locator("[data-test=action-status]")).ToHaveTextAsync("Deployed v1");

        await row.Locator("[data-test=delete-action]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("bound to the post-login flow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete anyway" }).ClickAsync();

        await Assertions.Expect(row).ToHaveCountAsync(0);
        await using var check = app.Services.CreateAsyncScope();
        var left = await check.ServiceProvider.GetRequiredService<ActionService>().ListAsync(new ActionFilter(Name: name), CancellationToken.None);
        Assert.Equal(0, left.Total);
    }

    [Fact]
    public async Task A_test_run_shows_what_the_Action_did_and_marks_the_error_line_in_the_editor()
    {
        using var app = KestrelApp.Start(services => services.AddSingleton<IActionTestRunner, FailingRunner>());
        string id;
        await using (var scope = app.Services.CreateAsyncScope())
            id = (await scope.ServiceProvider.GetRequiredService<ActionService>()
                .CreateAsync(new ActionCreateRequest { Name = "Runs", TriggerId = "post-login" }, CancellationToken.None)).Id;
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;
        await page.GotoAsync($"{app.BaseUrl()}/actions/{id}");
        await page.Locator("[data-test=save-draft]:enabled").WaitForAsync();

        await page.ClickAsync("[data-test=run-test]");

        await Assertions.Expect(page.Locator("[data-test=test-command]")).ToHaveTextAsync("api.multifactor.enable(\"any\")");
        await Assertions.Expect(page.Locator("[data-test=test-logs]")).ToHaveTextAsync("roles: Admin");
        await Assertions.Expect(page.Locator("[data-test=test-error]")).ToContainTextAsync("TypeError: boom (line 7)");
        await Assertions.Expect(page.Locator(".action-code-editor .action-error-line")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator("[data-test=runner-unavailable]").CountAsync());
    }

    private sealed class FailingRunner : IActionTestRunner
    {
        public Task<ActionTestOutcome> RunDraftAsync(string actionId, string eventJson, CancellationToken cancellationToken) =>
            Task.FromResult(new ActionTestOutcome(
                [new ActionTestCommand("multifactor.enable", "[\"any\"]")],
                ["roles: Admin"],
                new ActionTestError("TypeError", "boom", "TypeError: boom\n    at onExecutePostLogin (action.js:7:3)", 7),
                new Dictionary<string, double> { ["action_duration_ms"] = 2 }));
    }
}
