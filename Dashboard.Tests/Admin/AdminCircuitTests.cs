using Flowgate.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Flowgate.Tests.Admin;

/// <summary>An open dashboard circuit re-checks its administrator: signing out in another tab ends it.</summary>
public sealed class AdminCircuitTests(Infrastructure.Browser browser) : IClassFixture<Infrastructure.Browser>
{
    [Fact]
    public async Task Signing_out_in_another_tab_sends_the_open_dashboard_to_sign_in()
    {
        using var app = new FlowgateApp(settings: new Dictionary<string, string> { ["Admin:CircuitRevalidationSeconds"] = "1" });
        app.UseKestrel(0);
        app.StartServer();
        await using var context = await browser.Instance.NewContextAsync();
        var dashboard = await (await context.NewPageAsync()).SignInAsync(app);
        await dashboard.GotoAsync(app.BaseUrl() + "/applications");
        // Interactive: the create button is enabled only once the circuit runs.
        await dashboard.Locator("[data-test=create-application]:enabled").WaitForAsync();

        var other = await context.NewPageAsync();
        await other.GotoAsync(app.BaseUrl() + "/settings");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await other.WaitForURLAsync("**/account/login**");

        await dashboard.WaitForURLAsync("**/account/login**", new() { Timeout = 15_000 });
        Assert.Contains("/account/login", dashboard.Url);
    }
}
