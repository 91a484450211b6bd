using Flowgate.Runtime.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Infrastructure;

/// <summary>
/// A browser page signed in to the dashboard as a new administrator, the way a person signs in.
/// Dispose the page's context before the app: an open circuit holds the host's shutdown for its whole timeout.
/// </summary>
internal static class AdminBrowser
{
    public static async Task<IPage> SignInAsync(this IBrowser browser, FlowgateApp app) => await SignInAsync(await browser.NewPageAsync(), app);

    /// <summary>Signs a page in (its context's other pages share the session).</summary>
    public static async Task<IPage> SignInAsync(this IPage page, FlowgateApp app)
    {
        var email = $"admin-{Guid.NewGuid():N}"[..14] + "@example.com";
        const string password = "a long enough passphrase";
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AdminAccountService>().CreateAsync(email, password, CancellationToken.None);

        await page.GotoAsync(app.BaseUrl() + "/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-test=admin-email]").WaitForAsync();
        return page;
    }
}
