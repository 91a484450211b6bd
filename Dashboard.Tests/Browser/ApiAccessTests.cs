using System.IdentityModel.Tokens.Jwt;
using System.Net;
using Flowgate.Runtime.Applications;
using Flowgate.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

public sealed class ApiAccessTests : IClassFixture<Infrastructure.Browser>
{
    private readonly IBrowser _browser;

    public ApiAccessTests(Infrastructure.Browser browser) => _browser = browser.Instance;

    [Fact]
    public async Task An_admin_defines_an_api_authorizes_a_machine_to_machine_app_for_one_scope_and_rotates_its_secret()
    {
        using var app = KestrelApp.Start();
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;
        var audience = $"https://orders-{Guid.NewGuid():N}.example.com";

        await page.GotoAsync(app.BaseUrl() + "/apis");
        await page.ClickAsync("[data-test=create-api]");
        await page.Locator("input[data-test=new-api-name]").FillAsync("Orders");
        await page.Locator("input[data-test=new-api-identifier]").FillAsync(audience);
        await page.ClickAsync("[data-test=create-api-submit]");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Permissions" }).ClickAsync();
        foreach (var scope in new[] { "read:orders", "write:orders" })
        {
            await page.Locator("input[data-test=scope-value]").FillAsync(scope);
            await page.ClickAsync("[data-test=add-scope]");
        }
        await page.ClickAsync("[data-test=save-scopes]");
        await Assertions.Expect(page.Locator("[data-test=scope-row]")).ToHaveCountAsync(2);
        var apiUrl = page.Url;

        await page.GotoAsync(app.BaseUrl() + "/applications");
        await page.ClickAsync("[data-test=create-application]");
        await page.Locator("input[data-test=application-name]").FillAsync("Order sync");
        await page.GetByLabel("Machine to machine").CheckAsync();
        await page.ClickAsync("[data-test=create]");
        var credentials = new ApplicationCredentials("Order sync", await page.Locator("input[data-test=client-id]").InputValueAsync(),
            await page.Locator("input[data-test=client-secret]").InputValueAsync(), ApplicationTypes.MachineToMachine);
        await page.ClickAsync("[data-test=done]");
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl()) };
        Assert.Equal(HttpStatusCode.BadRequest, (await http.RequestTokenAsync(credentials, audience)).StatusCode);

        await page.GotoAsync(apiUrl);
        // A fresh page load: tabs switch only once the circuit is interactive, which enables Save.
        await page.Locator("[data-test=save-api]:enabled").WaitForAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Machine to machine" }).ClickAsync();
        var row = page.Locator("[data-test=m2m-application]", new() { HasText = credentials.ClientId });
        await row.Locator("[data-test=m2m-authorized]").ClickAsync();
        await row.Locator("label", new() { HasText = "read:orders" }).ClickAsync();
        await row.Locator("[data-test=m2m-update]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-test=m2m-update]")).ToBeDisabledAsync();

        var token = await http.RequestTokenAsync(credentials, audience);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken((await token.JsonAsync()).GetProperty("access_token").GetString());
        Assert.Equal("read:orders", jwt.Claims.Single(c => c.Type == "scope").Value);

        await page.GotoAsync($"{app.BaseUrl()}/applications/{credentials.ClientId}");
        await page.ClickAsync("[data-test=rotate-secret]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rotate", Exact = true }).ClickAsync();
        var newSecret = page.Locator("input[data-test=client-secret]");
        await Assertions.Expect(newSecret).Not.ToHaveValueAsync("");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.RequestTokenAsync(credentials, audience)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.RequestTokenAsync(credentials, audience, secret: await newSecret.InputValueAsync())).StatusCode);
    }
}
