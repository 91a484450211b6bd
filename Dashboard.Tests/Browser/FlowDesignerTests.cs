using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Admin;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Triggers;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flowgate.Tests.Browser;

public sealed class FlowDesignerTests : IClassFixture<Infrastructure.Browser>
{
    private const string Email = "flows@example.com";
    private const string Password = "a long enough passphrase";
    private readonly IBrowser _browser;

    public FlowDesignerTests(Infrastructure.Browser browser) => _browser = browser.Instance;

    [Fact]
    public async Task Actions_dropped_on_the_canvas_and_on_a_link_then_moved_and_removed_are_applied_in_the_order_the_canvas_shows()
    {
        using var app = KestrelApp.Start();
        await CreateActionAsync(app, "Add roles", deploy: true);
        await CreateActionAsync(app, "Require MFA", deploy: true);
        await CreateActionAsync(app, "Audit", deploy: true);
        await CreateActionAsync(app, "Draft only", deploy: false);
        var page = await SignInAsync(app, "/actions/flows/post-login");

        await Expect(page.Locator("[data-test=start]")).ToHaveTextAsync("User logged in");
        await Expect(page.Locator("[data-test=complete]")).ToHaveTextAsync("Token issued");
        var draftOnly = page.PaletteItem("Draft only");
        await Expect(draftOnly.Locator("[data-test=palette-reason]")).ToContainTextAsync("Deploy it first");
        await Expect(draftOnly.Locator("[data-test=palette-add]")).ToBeDisabledAsync();
        await Expect(draftOnly).ToHaveAttributeAsync("draggable", "false");
        await Expect(page.Locator("[data-test=apply]")).ToBeDisabledAsync();
        await page.Locator("input[data-test=palette-search]").FillAsync("mfa");
        await Expect(page.Locator("[data-test=palette-item]")).ToHaveCountAsync(1);
        await page.Locator("input[data-test=palette-search]").FillAsync("");
        await Expect(page.Locator("[data-test=palette-item]")).ToHaveCountAsync(4);

        // Onto the empty canvas, then below the first node; then onto the link between the two: it goes in the middle.
        await page.DropOnCanvasAsync("Add roles", 160, 160);
        await page.ExpectFlowAsync("Add roles");
        await Expect(page.PaletteItem("Add roles").Locator("[data-test=palette-reason]")).ToHaveTextAsync("In this flow");
        await page.DropOnCanvasAsync("Require MFA", 160, 320);
        await page.ExpectFlowAsync("Add roles", "Require MFA");
        await page.DropOnLinkAsync("Audit", above: "Add roles", below: "Require MFA");
        await page.ExpectFlowAsync("Add roles", "Audit", "Require MFA");

        // Moving a node reorders by where it ends up; the remove button takes one out.
        await page.MoveNodeBelowAsync("Add roles", below: "Require MFA");
        await page.ExpectFlowAsync("Audit", "Require MFA", "Add roles");
        await page.Node("Audit").Locator("[data-test=remove]").ClickAsync();
        await page.ExpectFlowAsync("Require MFA", "Add roles");
        await Expect(page.PaletteItem("Audit").Locator("[data-test=palette-add]")).ToBeEnabledAsync();
        await page.Node("Add roles").Locator("[data-test=failure-policy]").ClickAsync();
        await Expect(page.Node("Add roles").Locator("[data-test=failure-policy]")).ToHaveTextAsync("Continue on error");
        await Expect(page.Locator("[data-test=unapplied]")).ToBeVisibleAsync();
        Assert.Empty((await GetFlowAsync(app)).Bindings);

        // Leaving with unapplied changes asks first; staying keeps them.
        await page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = "Flows", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        await page.ExpectFlowAsync("Require MFA", "Add roles");

        await page.Locator("[data-test=apply]").ClickAsync();
        await Expect(page.Locator("[data-test=unapplied]")).ToBeHiddenAsync();
        var bindings = await ManagementBindingsAsync(app);
        Assert.Equal(["Require MFA", "Add roles"], bindings.Select(b => b.GetProperty("display_name").GetString()));
        Assert.Equal(["fail", "continue"], bindings.Select(b => b.GetProperty("failure_policy").GetString()));
        await page.ReloadAsync();
        await page.ExpectFlowAsync("Require MFA", "Add roles");
        await Expect(page.Node("Add roles").Locator("[data-test=failure-policy]")).ToHaveTextAsync("Continue on error");

        // The keyboard path: add, move and remove with buttons; Discard brings back the live flow.
        await page.PaletteItem("Audit").Locator("[data-test=palette-add]").ClickAsync();
        await page.ExpectFlowAsync("Require MFA", "Add roles", "Audit");
        await page.Node("Audit").Locator("[data-test=move-up]").ClickAsync();
        await page.Node("Require MFA").Locator("[data-test=move-down]").ClickAsync();
        await page.ExpectFlowAsync("Audit", "Require MFA", "Add roles");
        await page.Node("Add roles").Locator("[data-test=remove]").ClickAsync();
        await page.ExpectFlowAsync("Audit", "Require MFA");
        await page.Locator("[data-test=discard]").ClickAsync();
        await page.ExpectFlowAsync("Require MFA", "Add roles");
        await Expect(page.Locator("[data-test=unapplied]")).ToBeHiddenAsync();
        Assert.Equal(["Require MFA", "Add roles"], (await ManagementBindingsAsync(app)).Select(b => b.GetProperty("display_name").GetString()));

        await page.GotoAsync(app.BaseUrl() + "/actions/flows");
        var login = page.Locator("[data-test=flow-card][data-trigger=post-login]");
        await Expect(login.Locator("[data-test=bound-count]")).ToHaveTextAsync("2 Actions bound");
    }

    [Fact]
    public async Task A_second_admin_applying_over_a_flow_changed_since_they_opened_it_gets_a_conflict_not_an_overwrite()
    {
        using var app = KestrelApp.Start();
        await CreateActionAsync(app, "First admin's Action", deploy: true);
        await CreateActionAsync(app, "Second admin's Action", deploy: true);
        var first = await SignInAsync(app, "/actions/flows/post-login");
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync(app.BaseUrl() + "/actions/flows/post-login");

        await first.PaletteItem("First admin's Action").Locator("[data-test=palette-add]").ClickAsync();
        await first.Locator("[data-test=apply]").ClickAsync();
        await Expect(first.Locator("[data-test=unapplied]")).ToBeHiddenAsync();

        await second.PaletteItem("Second admin's Action").Locator("[data-test=palette-add]").ClickAsync();
        await second.Locator("[data-test=apply]").ClickAsync();
        await Expect(second.Locator("[data-test=flow-message]")).ToContainTextAsync("changed by someone else");
        await Expect(second.Locator("[data-test=unapplied]")).ToBeVisibleAsync();
        Assert.Equal(["First admin's Action"], (await GetFlowAsync(app)).Bindings.Select(b => b.DisplayName));

        await second.Locator("[data-test=reload]").ClickAsync();
        await second.ExpectFlowAsync("First admin's Action");
        await Expect(second.Locator("[data-test=unapplied]")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Testing_the_canvas_as_it_stands_shows_the_tokens_the_app_would_get_with_secrets_masked_and_the_applied_flow_apart()
    {
        const string apiKey = "sk-live-4f9a2c7e1b";
        using var app = KestrelApp.Start();
        await CreateActionAsync(app, "Require MFA for admins", deploy: true, code: """
            exports.onExecutePostLogin = async (event, api) => {
              if (event.authorization.roles.includes('Admin')) api.multifactor.enable('any');
            };
            """);
        await CreateActionAsync(app, "Roles to claims", deploy: true, code: """
            exports.onExecutePostLogin = async (event, api) => {
              console.log('roles: ' + event.authorization.roles.join() + ' key ' + event.secrets.API_KEY);
              api.idToken.setCustomClaim('https://flowgate.test/roles', event.authorization.roles);
              api.accessToken.setCustomClaim('https://flowgate.test/key', event.secrets.API_KEY);
              api.accessToken.addScope('read:reports');
              api.user.setAppMetadata('plan', 'pro');
            };
            """, secrets: [new SecretInput("API_KEY", apiKey)]);
        var page = await SignInAsync(app, "/actions/flows/post-login");
        await page.PaletteItem("Require MFA for admins").Locator("[data-test=palette-add]").ClickAsync();
        await page.PaletteItem("Roles to claims").Locator("[data-test=palette-add]").ClickAsync();
        await Expect(page.Locator("[data-test=unapplied]")).ToBeVisibleAsync();

        // Unapplied changes: the drawer runs the canvas as it stands.
        await page.Locator("[data-test=test-flow]").ClickAsync();
        var adminEvent = TriggerCatalog.Get("post-login").SampleEventJson.Replace("\"roles\": []", "\"roles\": [\"Admin\"]");
        Assert.Contains("\"Admin\"", adminEvent);
        await page.Locator("textarea[data-test=test-event]").FillAsync(adminEvent);
        await page.Locator("[data-test=run-test]").ClickAsync();

        var results = page.Locator("[data-test=test-action]");
        await Expect(results).ToHaveCountAsync(2);
        await Expect(results.Nth(0)).ToContainTextAsync("Require MFA for admins");
        await Expect(results.Nth(0)).ToContainTextAsync("api.multifactor.enable(\"any\")");
        await Expect(results.Nth(1)).ToContainTextAsync("api.idToken.setCustomClaim(\"https://flowgate.test/roles\", [\"Admin\"])");
        await Expect(results.Nth(1)).ToContainTextAsync("roles: Admin key [secret API_KEY]");
        await Expect(page.Locator("[data-test=test-summary]")).ToHaveTextAsync("MFA demanded (provider any), then tokens issued");
        var idToken = page.Locator("[data-test=id-token]");
        await Expect(idToken.Locator("[data-claim='https://flowgate.test/roles']")).ToContainTextAsync("[\"Admin\"]");
        await Expect(idToken.Locator("[data-claim=email]")).ToContainTextAsync("j+smith@example.com");
        var accessToken = page.Locator("[data-test=access-token]");
        await Expect(accessToken.Locator("[data-claim='https://flowgate.test/key']")).ToContainTextAsync("[secret API_KEY]");
        await Expect(accessToken.Locator("[data-claim=scope]")).ToContainTextAsync("openid profile email read:reports");
        await Expect(page.Locator("[data-test=test-metadata]")).ToHaveTextAsync("app_metadata.plan = \"pro\"");
        // The value itself appears nowhere on the page.
        Assert.DoesNotContain(apiKey, await page.ContentAsync());

        // The applied flow is still empty: run it instead, and nothing runs.
        await page.Locator("[data-test=test-applied]").ClickAsync();
        await page.Locator("[data-test=run-test]").ClickAsync();
        await Expect(results).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-test=test-summary]")).ToHaveTextAsync("Tokens issued");
        await Expect(accessToken.Locator("[data-claim='https://flowgate.test/key']")).ToHaveCountAsync(0);
    }

    private static async Task CreateActionAsync(FlowgateApp app, string name, bool deploy, string? code = null, IReadOnlyList<SecretInput>? secrets = null)
    {
        using var scope = app.Services.CreateScope();
        var action = await scope.ServiceProvider.GetRequiredService<ActionService>()
            .CreateAsync(new ActionCreateRequest { Name = name, TriggerId = "post-login", Code = code, Secrets = secrets ?? [] }, CancellationToken.None);
        if (deploy)
            await scope.ServiceProvider.GetRequiredService<ActionDeployer>().DeployAsync(action.Id, Email, CancellationToken.None);
    }

    private static async Task<FlowSnapshot> GetFlowAsync(FlowgateApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BindingService>().GetAsync("post-login", CancellationToken.None);
    }

    private static async Task<JsonElement[]> ManagementBindingsAsync(FlowgateApp app)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl()) };
        var token = await http.RequestTokenAsync(await app.CreateApplicationAsync(), app.BaseUrl() + "/api/v2/");
        var accessToken = (await token.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var body = await http.GetFromJsonAsync<JsonElement>("/api/v2/actions/triggers/post-login/bindings");
        return [.. body.GetProperty("bindings").EnumerateArray()];
    }

    private async Task<IPage> SignInAsync(FlowgateApp app, string path)
    {
        await app.Services.GetRequiredService<AdminAccountService>().CreateAsync(Email, Password, CancellationToken.None);
        var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl() + path);
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-test=canvas]").WaitForAsync();
        return page;
    }
}
