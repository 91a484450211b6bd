using Flowgate.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

/// <summary>
/// An administrator brands the hosted pages from the dashboard: the preview follows what is typed, a colour that is no
/// hex colour is refused with the reason, and what is saved (colour, custom text, password policy) is what the hosted
/// login and signup pages then show.
/// </summary>
public sealed class BrandingSettingsTests(Infrastructure.Browser browser) : IClassFixture<Infrastructure.Browser>
{
    [Fact]
    public async Task Branding_custom_text_and_password_policy_set_in_the_dashboard_reach_the_hosted_pages()
    {
        using var app = KestrelApp.Start();
        var page = await browser.Instance.SignInAsync(app);
        await using var session = page.Context;
        var spa = await app.CreateSpaAsync();

        await page.GotoAsync(app.BaseUrl() + "/settings/branding");
        // The save buttons are enabled once the circuit runs: typing before that would reach the prerendered page only.
        await Assertions.Expect(page.Locator("[data-test=branding-save]")).ToBeEnabledAsync();
        var preview = page.Locator("[data-test=branding-preview-button]");
        await page.Locator("input[data-test=branding-primary]").FillAsync("#c2185b");
        await Assertions.Expect(preview).ToHaveCSSAsync("background-color", "rgb(194, 24, 91)");
        await page.Locator("input[data-test=branding-primary]").FillAsync("red;}body{display:none");
        await Assertions.Expect(preview).ToHaveCSSAsync("background-color", "rgb(63, 81, 181)");
        await page.ClickAsync("[data-test=branding-save]");
        await Assertions.Expect(page.Locator("[data-test=branding-error]")).ToContainTextAsync("colors.primary must be a hex colour");
        await page.Locator("input[data-test=branding-primary]").FillAsync("#c2185b");
        await page.ClickAsync("[data-test=branding-save]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Branding saved");

        await page.GotoAsync(app.BaseUrl() + "/settings/text");
        await Assertions.Expect(page.Locator("[data-test=custom-text-save]")).ToBeEnabledAsync();
        await page.Locator("input[data-test=custom-text-title]").FillAsync("Hello from the dashboard");
        await page.ClickAsync("[data-test=custom-text-save]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("saved");

        await page.GotoAsync(app.BaseUrl() + "/settings");
        await Assertions.Expect(page.Locator("[data-test=password-policy-save]")).ToBeEnabledAsync();
        await page.Locator("input[data-test=password-policy-min-length]").FillAsync("12");
        await page.ClickAsync("[data-test=password-policy-save]");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Password policy saved");

        // An end user's own browser: nothing shared with the administrator's session.
        await using var endUser = await browser.Instance.NewContextAsync();
        var login = await endUser.NewPageAsync();
        await login.GotoAsync(app.BaseUrl() + HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s1"));
        await Assertions.Expect(login.Locator("h1")).ToHaveTextAsync("Hello from the dashboard");
        await Assertions.Expect(login.Locator("button[type=submit]")).ToHaveCSSAsync("background-color", "rgb(194, 24, 91)");
        await login.ClickAsync("[data-test=signup-link]");
        await Assertions.Expect(login.Locator("[data-test=password-rules]")).ToContainTextAsync("At least 12 characters");
    }
}
