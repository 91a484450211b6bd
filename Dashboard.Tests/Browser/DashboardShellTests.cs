using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

public sealed class DashboardShellTests : IClassFixture<Infrastructure.Browser>
{
    private readonly IBrowser _browser;

    public DashboardShellTests(Infrastructure.Browser browser) => _browser = browser.Instance;

    [Fact]
    public async Task First_start_goes_through_setup_to_the_shell_and_an_application_made_there_gets_only_the_access_granted_to_it()
    {
        using var app = KestrelApp.Start();
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(app.BaseUrl() + "/");
        await page.WaitForURLAsync("**/account/setup");
        await page.FillAsync("#email", "owner@example.com");
        await page.FillAsync("#password", "a long enough passphrase");
        await page.FillAsync("#confirm", "a long enough passphrase");
        await page.ClickAsync("button[type=submit]");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Getting started" }).WaitForAsync();
        var navigation = page.Locator(".mud-navmenu");
        foreach (var area in new[] { "Library", "Flows", "Users", "Roles", "Applications", "APIs", "Logs", "Settings" })
            Assert.True(await navigation.GetByRole(AriaRole.Link, new() { Name = area, Exact = true }).IsVisibleAsync(), area + " is in the navigation");

        // A fresh page load: buttons stay disabled until the circuit is interactive, and Playwright waits for them.
        await page.GotoAsync(app.BaseUrl() + "/applications");
        await page.ClickAsync("[data-test=create-application]");
        await page.Locator("input[data-test=application-name]").FillAsync("Deploy pipeline");
        // No type is preselected and nothing is authorized by default.
        await Assertions.Expect(page.Locator("[data-test=create]")).ToBeDisabledAsync();
        await page.GetByLabel("Machine to machine").CheckAsync();
        await page.ClickAsync("[data-test=create]");
        var clientId = await page.Locator("input[data-test=client-id]").InputValueAsync();
        var secret = await page.Locator("input[data-test=client-secret]").InputValueAsync();
        var shown = await page.Locator("input[data-test=client-secret]").BoundingBoxAsync();
        Assert.True(shown!.Width >= 500, $"the secret's field is {shown.Width}px wide");
        await page.ClickAsync("[data-test=done]");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Deploy pipeline" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-test=client-secret]").CountAsync());

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl()) };
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
            ["audience"] = app.BaseUrl() + "/api/v2/",
        };
        var refused = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(form));
        Assert.False(refused.IsSuccessStatusCode, "a new application got a Management API token without being authorized");

        // Authorized on its page for one scope: that is all its token carries.
        var management = page.Locator("[data-test=application-api][data-api='Flowgate Management API']");
        await management.Locator("[data-test=m2m-authorized]").ClickAsync();
        await management.GetByLabel("read:users", new() { Exact = true }).CheckAsync();
        await management.Locator("[data-test=m2m-update]").ClickAsync();
        await Assertions.Expect(management.Locator("[data-test=m2m-update]")).ToBeDisabledAsync();

        var token = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(form));
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        var granted = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("ey", granted.GetProperty("access_token").GetString());
        Assert.Equal("read:users", granted.GetProperty("scope").GetString());
    }
}
