using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

public sealed class VersionHistoryTests : IClassFixture<Infrastructure.Browser>
{
    private readonly IBrowser _browser;

    public VersionHistoryTests(Infrastructure.Browser browser) => _browser = browser.Instance;

    [Fact]
    public async Task Loading_an_old_version_into_the_draft_brings_back_its_code_secrets_and_dependencies_once_saved_even_after_a_reload()
    {
        using var app = KestrelApp.Start();
        var (id, page) = await LoadFirstVersionAsync(app);
        await using var session = page.Context;

        await page.Locator(ActionEditorPage.Code).ExpectTextAsync("//first_version");
        await page.Locator("[data-test=unsaved]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-test=loaded-version]")).ToContainTextAsync("v1 is loaded");
        await Assertions.Expect(page.Locator("[data-test=loaded-version]")).ToContainTextAsync("API_KEY");
        await Assertions.Expect(page.Locator("[data-test=loaded-version]")).ToContainTextAsync("lodash@4.17.21");
        // Nothing is written until the draft is saved, and a reload keeps what was loaded.
        Assert.Equal(["OTHER_KEY"], (await DraftAsync(app, id)).Secrets.Select(s => s.Name));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-test=loaded-version]")).ToContainTextAsync("v1 is loaded");
        await page.Locator(ActionEditorPage.Code).ExpectTextAsync("//first_version");

        await page.ClickAsync("[data-test=save-draft]");
        await page.GetByText("Draft saved.").WaitForAsync();

        await Assertions.Expect(page.Locator("[data-test=loaded-version]")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Secrets" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=secret-row]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("API_KEY"));
        await page.GetByRole(AriaRole.Tab, new() { Name = "Dependencies" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=dependency-row]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("lodash@4.17.21"));
        var draft = await DraftAsync(app, id);
        Assert.Contains("//first_version", draft.Code);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal("first-secret", scope.ServiceProvider.GetRequiredService<ActionSecretProtector>().Unprotect(draft.Secrets.Single().ProtectedValue));
    }

    [Fact]
    public async Task Saving_a_loaded_version_over_a_draft_saved_elsewhere_meanwhile_is_a_conflict()
    {
        using var app = KestrelApp.Start();
        var (id, page) = await LoadFirstVersionAsync(app);
        await using var session = page.Context;

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ActionService>().UpdateDraftAsync(id, new ActionUpdateRequest { Code = "//saved_elsewhere\n" }, CancellationToken.None);
        await page.ClickAsync("[data-test=save-draft]");

        await page.GetByText("This draft was changed elsewhere", new() { Exact = false }).First.WaitForAsync();
        var draft = await DraftAsync(app, id);
        Assert.Equal("//saved_elsewhere\n", draft.Code);
        Assert.Equal(["OTHER_KEY"], draft.Secrets.Select(s => s.Name));
    }

    // An administrator opens the Action's version history and clicks "Load into draft" on v1.
    private async Task<(string Id, IPage Page)> LoadFirstVersionAsync(FlowgateApp app)
    {
        var id = await TwoVersionsAsync(app);
        var page = await _browser.SignInAsync(app);
        await page.GotoAsync($"{app.BaseUrl()}/actions/{id}");
        await page.Locator("[data-test=save-draft]:enabled").WaitForAsync();
        await page.ClickAsync("[data-test=version-history]");
        await page.Version(1).Locator("[data-test=load-version]").ClickAsync();
        await page.Locator("[data-test=loaded-version]").WaitForAsync();
        return (id, page);
    }

    // v1: code, secret API_KEY, dependency lodash; v2 (deployed, and the draft): other code, secret OTHER_KEY, no dependency.
    private static async Task<string> TwoVersionsAsync(FlowgateApp app)
    {
        var id = await app.CreateActionAsync("History " + Guid.NewGuid().ToString("N")[..6], "exports.onExecutePostLogin = async (event, api) => {\n//first_version\n};\n");
        await using var scope = app.Services.CreateAsyncScope();
        var actions = scope.ServiceProvider.GetRequiredService<ActionService>();
        await actions.UpdateDraftAsync(id, new ActionUpdateRequest { Secrets = [new SecretInput("API_KEY", "first-secret")] }, CancellationToken.None);
        // Straight into the draft: pinning a dependency asks the npm registry, which this test does not depend on.
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync())
        {
            db.ActionDependencies.Add(new ActionDependency { ActionId = id, Name = "lodash", Version = "4.17.21" });
            await db.SaveChangesAsync();
        }
        var deployer = scope.ServiceProvider.GetRequiredService<ActionDeployer>();
        await deployer.DeployAsync(id, "test", CancellationToken.None);
        await actions.UpdateDraftAsync(id, new ActionUpdateRequest
        {
            Code = "exports.onExecutePostLogin = async (event, api) => {\n//second_version\n};\n",
            Secrets = [new SecretInput("OTHER_KEY", "second-secret")],
            Dependencies = [],
        }, CancellationToken.None);
        await deployer.DeployAsync(id, "test", CancellationToken.None);
        return id;
    }

    private static async Task<ActionDefinition> DraftAsync(FlowgateApp app, string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ActionService>().GetAsync(id, CancellationToken.None);
    }
}
