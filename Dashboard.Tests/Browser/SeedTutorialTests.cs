using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flowgate.Tests.Browser;

/// <summary>The seeds' tutorials, step by step in a real browser, as their readers follow them.</summary>
public sealed class SeedTutorialTests : IClassFixture<Infrastructure.Browser>
{
    // seeds/000 ("How to Extend Your Login Flow With Auth0 Actions"), step 5: "Add the below code into the onExecutePostLogin function".
    private const string MfaForRole = """
          if (event.authorization != undefined && event.authorization.roles.includes("Admin")) {
              api.multifactor.enable("any");
          };

        """;

    private readonly IBrowser _browser;

    public SeedTutorialTests(Infrastructure.Browser browser) => _browser = browser.Instance;

    [Fact]
    public async Task MFA_for_Role_is_written_tested_with_and_without_Admin_deployed_bound_changed_compared_and_rolled_back()
    {
        using var app = KestrelApp.Start();
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;

        // "Build Custom ... Name it MFA for Role and leave the rest as is."
        await page.BuildFromScratchAsync(app, "MFA for Role");
        await Expect(page.Locator("h1 + *")).ToContainTextAsync("Login / Post Login");

        // Pasted at the start of onExecutePostLogin's body.
        await page.PasteBelowAsync("exports.onExecutePostLogin", MfaForRole);
        await page.Locator(ActionEditorPage.Code).ExpectTextAsync("api.multifactor.enable(\"any\");");

        // "test the actions flow by adding Admin to the authorization.roles array ... you should see a response with MFA"
        await SetRolesAsync(page, "Admin");
        await page.ClickAsync("[data-test=run-test]");
        await Expect(page.Locator("[data-test=test-command]")).ToHaveTextAsync("api.multifactor.enable(\"any\")");
        await Expect(page.Locator("[data-test=test-error]")).ToHaveCountAsync(0);
        // "When it's not present you should get an empty array."
        await SetRolesAsync(page);
        await page.ClickAsync("[data-test=run-test]");
        await Expect(page.Locator("[data-test=no-commands]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=test-command]")).ToHaveCountAsync(0);

        // "Click on save draft and deploy."
        await page.ClickAsync("[data-test=save-draft]");
        await page.GetByText("Draft saved.").First.WaitForAsync();
        await page.ClickAsync("[data-test=deploy]");
        await page.GetByText("Deployed as version 1.").WaitForAsync();
        await Expect(page.Locator("[data-test=editor-status]")).ToHaveTextAsync("Deployed v1");

        // "Go to the flow ... drag and drop the MFA for Role action into the flow. Click on Apply."
        await page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = "Flows", Exact = true }).ClickAsync();
        await page.Locator("[data-test=flow-card][data-trigger=post-login] [data-test=open-flow]").ClickAsync();
        await page.DropOnCanvasAsync("MFA for Role", 160, 160);
        await page.ExpectFlowAsync("MFA for Role");
        await page.ClickAsync("[data-test=apply]");
        await Expect(page.Locator("[data-test=unapplied]")).ToBeHiddenAsync();

        // Change it, deploy the change, compare v1 with the draft, and roll back to v1.
        await page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = "Library", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "MFA for Role", Exact = true }).ClickAsync();
        await page.PasteBelowAsync("api.multifactor.enable", "console.log(`MFA for ${event.user.email}`);");
        await page.Locator("[data-test=unsaved]").WaitForAsync();
        await page.ClickAsync("[data-test=deploy]");
        await page.GetByText("Deployed as version 2.").WaitForAsync();

        await page.ClickAsync("[data-test=version-history]");
        await page.Version(1).Locator("[data-test=diff-version]").ClickAsync();
        await page.Locator(".action-diff-editor .modified .view-lines").ExpectTextAsync("console.log(`MFA for");
        await Expect(page.Locator(".action-diff-editor .original .view-lines")).Not.ToContainTextAsync("console.log");
        await Expect(page.Locator(".action-diff-editor .original .view-lines")).ToContainTextAsync("api.multifactor.enable(\"any\");");

        await page.Version(1).Locator("[data-test=rollback-version]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();
        await page.DeployedTag(3).WaitForAsync();
        await Expect(page.Locator("[data-test=editor-status]")).ToContainTextAsync("v3");

        // What logins now run: the bound Action at v3, a copy of v1.
        await using var scope = app.Services.CreateAsyncScope();
        var live = Assert.Single(await scope.ServiceProvider.GetRequiredService<DeployedFlowLoader>().LoadAsync("post-login", CancellationToken.None));
        Assert.Equal("MFA for Role", live.Name);
        var versions = (await scope.ServiceProvider.GetRequiredService<ActionDeployer>().ListVersionsAsync(live.ActionId, 0, 10, CancellationToken.None)).Items;
        Assert.Equal(versions.Single(v => v.Number == 1).Code, live.Code);
        Assert.Equal(versions.Single(v => v.Number == 3).Id, live.VersionId);
        Assert.DoesNotContain("console.log", live.Code);
    }

    // The reader edits the event JSON in the test pane: authorization.roles with or without "Admin".
    private static async Task SetRolesAsync(IPage page, params string[] roles)
    {
        var sample = JsonNode.Parse(await page.TestEventAsync())!;
        sample["authorization"]!["roles"] = new JsonArray([.. roles.Select(role => JsonValue.Create(role))]);
        await page.SetTestEventAsync(sample.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
