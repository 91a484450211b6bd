using Flowgate.Runtime.Actions;
using Flowgate.Tests.Infrastructure;
using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

public sealed class ActionEditorTests : IClassFixture<Infrastructure.Browser>
{
    private readonly IBrowser _browser;

    public ActionEditorTests(Infrastructure.Browser browser) => _browser = browser.Instance;

    [Fact]
    public async Task An_Action_built_from_scratch_opens_with_its_template_completes_the_api_and_its_secret_names_flags_wrong_calls_and_never_shows_a_secret_value()
    {
        using var app = KestrelApp.Start();
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;
        await page.BuildFromScratchAsync(app, "MFA for Role");

        var code = page.Locator(".action-code-editor .view-lines");
        await code.ExpectTextAsync("exports.onExecutePostLogin");
        Assert.Contains("Login / Post Login", await page.Locator("h1 + *").InnerTextAsync());

        await page.Locator("[data-test=save-draft]:enabled").WaitForAsync();
        await page.ClickAsync(".action-code-editor .view-lines");
        await page.MoveIntoLastHandlerAsync();
        await page.Keyboard.TypeAsync("api.multi");
        await page.Locator(".monaco-editor .suggest-widget").ExpectTextAsync("multifactor");
        await page.Keyboard.PressAsync("Escape");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Secrets" }).ClickAsync();
        await page.Locator("input[data-test=secret-name]").FillAsync("API_KEY");
        await page.Locator("input[data-test=secret-value]").FillAsync("s3cr3t-value-never-shown");
        await page.ClickAsync("[data-test=save-secret]");
        await page.Locator("[data-test=secret-row]").ExpectTextAsync("API_KEY");
        Assert.DoesNotContain("s3cr3t-value-never-shown", await page.ContentAsync());
        Assert.Equal("", await page.Locator("input[data-test=secret-value]").InputValueAsync());

        await page.ClickAsync(".action-code-editor .view-lines");
        await page.MoveIntoLastHandlerAsync();
        await page.Keyboard.TypeAsync("event.secrets.");
        await page.Locator(".monaco-editor .suggest-widget").ExpectTextAsync("API_KEY");

        // The "api.multi" left in the code is a wrong call: type-checked against the declarations, it is flagged.
        await page.WaitForFunctionAsync("() => monaco.editor.getModelMarkers({}).some(m => m.message.includes(\"'multi' does not exist on type 'PostLoginAPI'\"))");
    }

    [Fact]
    public async Task Code_as_auth0_examples_write_it_has_no_false_problems_in_the_editor()
    {
        using var app = KestrelApp.Start();
        // No JSDoc types; require of a built-in and of the declared dependency; Buffer and process, which browsers lack.
        // One wrong call (on a number, as event and api are untyped here) marks when the checker has run over the code.
        var id = await app.CreateActionAsync("Examples " + Guid.NewGuid().ToString("N")[..6], """
            const crypto = require('crypto');
            const axios = require('axios');
            exports.onExecutePostLogin = async (event, api) => {
              const basic = Buffer.from(event.secrets.ID + ':' + event.secrets.KEY).toString('base64');
              const res = await axios.get('https://example.com/' + (process.env.REGION || 'eu'), { headers: { authorization: 'Basic ' + basic } });
              process.nextTick(() => {});
              api.idToken.setCustomClaim('https://example.com/s', res.data.plan + crypto.randomUUID());
              const count = 1;
              count.wrongCall();
            };
            """);
        // Straight into the draft: pinning a dependency asks the npm registry, which this test does not depend on.
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync())
        {
            db.ActionDependencies.Add(new ActionDependency { ActionId = id, Name = "axios", Version = "1.21.1" });
            await db.SaveChangesAsync();
        }
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;

        await page.GotoAsync($"{app.BaseUrl()}/actions/{id}");
        await page.WaitForFunctionAsync("() => monaco.editor.getModelMarkers({}).some(m => m.message.includes(\"'wrongCall' does not exist\"))");

        // Hints (an untyped parameter's "implicitly any") are not problems; warnings and errors are.
        var problems = await page.EvaluateAsync<string[]>("() => monaco.editor.getModelMarkers({}).filter(m => m.severity >= monaco.MarkerSeverity.Warning).map(m => m.message)");
        Assert.Equal(["Property 'wrongCall' does not exist on type '1'."], problems);
    }

    [Fact]
    public async Task Saving_deploying_changing_and_rolling_back_make_numbered_versions_and_a_syntax_error_blocks_the_deploy()
    {
        using var app = KestrelApp.Start();
        var id = await app.CreateActionAsync("Versions " + Guid.NewGuid().ToString("N")[..6]);
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;
        await page.GotoAsync($"{app.BaseUrl()}/actions/{id}");

        await page.TypeIntoHandlerAsync("//marker_one");
        await page.Keyboard.PressAsync("Control+s");
        await page.GetByText("Draft saved.").WaitForAsync();
        await page.ReloadAsync();
        await page.Locator(".action-code-editor .view-lines").ExpectTextAsync("//marker_one");

        await page.TypeIntoHandlerAsync("//marker_kept");
        await page.ReloadAsync();
        await page.Locator("[data-test=unsaved]").WaitForAsync();
        await page.Locator(".action-code-editor .view-lines").ExpectTextAsync("//marker_kept");
        await page.ClickAsync("[data-test=discard]");
        await Assertions.Expect(page.Locator("[data-test=unsaved]")).ToHaveCountAsync(0);
        Assert.DoesNotContain("marker_kept", await page.Locator(".action-code-editor .view-lines").InnerTextAsync());

        await page.ClickAsync("[data-test=deploy]");
        await page.GetByText("Deployed as version 1.").WaitForAsync();
        await page.ClickAsync("[data-test=version-history]");
        await page.DeployedTag(1).WaitForAsync();

        await page.TypeIntoHandlerAsync("//marker_two");
        await page.Locator("[data-test=unsaved]").WaitForAsync();
        await page.ClickAsync("[data-test=deploy]");
        await page.DeployedTag(2).WaitForAsync();

        await page.Version(1).Locator("[data-test=diff-version]").ClickAsync();
        await page.Locator(".action-diff-editor .modified .view-lines").ExpectTextAsync("//marker_two");
        Assert.DoesNotContain("marker_two", await page.Locator(".action-diff-editor .original .view-lines").InnerTextAsync());

        await page.Version(1).Locator("[data-test=rollback-version]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();
        await page.DeployedTag(3).WaitForAsync();
        await page.Locator("[data-test=editor-status]").ExpectTextAsync("v3");

        await page.TypeIntoHandlerAsync("const = 1;");
        await page.ClickAsync("[data-test=deploy]");
        await page.Locator("[data-test=syntax-error]").ExpectTextAsync("line");
        await page.GetByText("The draft cannot be deployed", new() { Exact = false }).First.WaitForAsync();
        Assert.Equal(3, await page.Locator("[data-test=version-row]").CountAsync());

        // Another administrator saves the draft meanwhile: this editor's save is a conflict, not an overwrite.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ActionService>().UpdateDraftAsync(id, new ActionUpdateRequest { Code = "exports.onExecutePostLogin = async () => {};\n" }, CancellationToken.None);
        await page.TypeIntoHandlerAsync("//marker_three");
        await page.Keyboard.PressAsync("Control+s");
        await page.GetByText("This draft was changed elsewhere", new() { Exact = false }).First.WaitForAsync();
    }

    [Fact]
    public async Task Two_administrators_opening_editors_at_the_same_time_each_get_their_own_Action_and_moving_to_another_Action_shows_its_code()
    {
        using var app = KestrelApp.Start();
        var first = await _browser.SignInAsync(app);
        await using var firstSession = first.Context;
        var second = await _browser.SignInAsync(app);
        await using var secondSession = second.Context;
        var ids = await Task.WhenAll(app.CreateActionAsync("First", "//first_admin\n"), app.CreateActionAsync("Second", "//second_admin\n"));

        await Task.WhenAll(first.GotoAsync($"{app.BaseUrl()}/actions/{ids[0]}"), second.GotoAsync($"{app.BaseUrl()}/actions/{ids[1]}"));

        await Task.WhenAll(first.Locator("[data-test=save-draft]:enabled").WaitForAsync(), second.Locator("[data-test=save-draft]:enabled").WaitForAsync());
        await first.Locator(".action-code-editor .view-lines").ExpectTextAsync("//first_admin");
        await second.Locator(".action-code-editor .view-lines").ExpectTextAsync("//second_admin");

        // Within one circuit too: from one Action's editor through the library to another's.
        await first.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = "Library", Exact = true }).ClickAsync();
        await first.GetByRole(AriaRole.Link, new() { Name = "Second", Exact = true }).ClickAsync();
        await first.Locator(".action-code-editor .view-lines").ExpectTextAsync("//second_admin");
        Assert.DoesNotContain("first_admin", await first.Locator(".action-code-editor .view-lines").InnerTextAsync());
    }
}
