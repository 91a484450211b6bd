using Flowgate.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Flowgate.Tests.Admin;

/// <summary>Administrators in Chromium: a security key through the pages' script, and circuits that end at sign-out.</summary>
public sealed class AdminBrowserTests(Infrastructure.Browser browser) : IClassFixture<Infrastructure.Browser>
{
    [Fact]
    public async Task Signing_out_in_another_tab_sends_the_open_dashboard_to_sign_in()
    {
        using var app = KestrelApp.Start(settings: new Dictionary<string, string> { ["Admin:CircuitRevalidationSeconds"] = "1" });
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

    [Fact]
    public async Task An_admin_enrols_a_security_key_right_after_the_password_and_signs_in_with_it_next_time()
    {
        // http://localhost is a secure context whose host is a valid RP id (127.0.0.1 is not one).
        using var app = KestrelApp.StartOnLocalhost(settings: new Dictionary<string, string> { ["Admin:RequireMfa"] = "true" });
        var admin = await app.CreateAdminAsync();
        var site = app.BaseUrl().Replace("127.0.0.1", "localhost");
        await using var context = await browser.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.AddAuthenticatorAsync("usb");

        await SignInWithPasswordAsync(page, site, admin.Email);
        await page.WaitForURLAsync("**/account/enrol**");
        await page.ClickAsync("[data-test=add-security-key]");
        await page.Locator("[data-test=recovery-code]").WaitForAsync();
        await page.ClickAsync("[data-test=mfa-continue]");
        await page.Locator("[data-test=admin-email]").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login**");
        await SignInWithPasswordAsync(page, site, admin.Email);
        await page.WaitForURLAsync("**/account/factor**");
        await page.ClickAsync("[data-test=use-security-key]");
        await page.Locator("[data-test=admin-email]").WaitForAsync();
        Assert.EndsWith("/", page.Url);
    }

    private static async Task SignInWithPasswordAsync(IPage page, string site, string email)
    {
        await page.GotoAsync(site + "/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", AdminPages.Password);
        await page.ClickAsync("button[type=submit]");
    }
}
