using Flowgate.Runtime.Actions;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

public sealed class SavedTestsTests : IClassFixture<Infrastructure.Browser>
{
    private const string SetsPlan = "exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('https://example.com/plan', 'gold');\n};";

    private readonly IBrowser _browser;

    public SavedTestsTests(Infrastructure.Browser browser) => _browser = browser.Instance;

    [Fact]
    public async Task A_run_saved_as_a_test_fails_on_a_changed_draft_and_stops_its_deploy_until_deployed_anyway_or_fixed()
    {
        using var app = KestrelApp.Start();
        var id = await app.CreateActionAsync("Plans " + Guid.NewGuid().ToString("N")[..6], SetsPlan);
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;
        await page.GotoAsync($"{app.BaseUrl()}/actions/{id}");

        await page.Locator("[data-test=save-draft]:enabled").WaitForAsync();
        await page.ClickAsync("[data-test=run-test]");
        await page.Locator("[data-test=test-command]").ExpectTextAsync("idToken.setCustomClaim");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Saved tests" }).ClickAsync();
        await page.ClickAsync("[data-test=save-as-test]");
        await page.Locator("input[data-test=saved-test-name]").FillAsync("gold plan");
        await page.ClickAsync("[data-test=saved-test-save]");
        await page.Locator("[data-test=saved-test][data-name='gold plan']").WaitForAsync();

        await page.TypeIntoHandlerAsync("api.access.deny('closed');");
        await page.ClickAsync("[data-test=run-all-tests]");
        await Assertions.Expect(page.Locator("[data-test=saved-test-status]")).ToHaveTextAsync("fail");
        await Assertions.Expect(page.Locator("[data-test=saved-test-reason]")).ToContainTextAsync("access.deny(\"closed\")");

        await page.ClickAsync("[data-test=deploy]");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("'gold plan': Expected the commands");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=editor-status]")).ToHaveTextAsync("Draft only");

        await page.ClickAsync("[data-test=deploy]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deploy anyway" }).ClickAsync();
        await page.GetByText("Deployed as version 1.").WaitForAsync();

        // Fixed elsewhere (the draft as it was): the tests pass and the deploy goes through without asking.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ActionService>().UpdateDraftAsync(id, new ActionUpdateRequest { Code = SetsPlan }, CancellationToken.None);
        await page.GotoAsync($"{app.BaseUrl()}/actions/{id}");
        await page.Locator("[data-test=deploy]:enabled").WaitForAsync();
        await page.ClickAsync("[data-test=deploy]");
        await page.GetByText("Deployed as version 2.").WaitForAsync();
    }
}
