using Flowgate.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

/// <summary>
/// Every dashboard page and every hosted page, with data on them, on a laptop and on a phone: nothing scrolls
/// sideways, the console stays clean and text meets WCAG 2.2 AA contrast. Each failure names the page and the element.
/// </summary>
public sealed class DashboardSweepTests : IClassFixture<Infrastructure.Browser>, IClassFixture<SeededDashboard>
{
    private readonly IBrowser _browser;
    private readonly SeededDashboard _site;

    public DashboardSweepTests(Infrastructure.Browser browser, SeededDashboard site)
    {
        _browser = browser.Instance;
        _site = site;
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Every_dashboard_page_fits_the_screen_logs_no_console_error_and_has_readable_contrast(int width, int height)
    {
        // axe is injected as a script of the test's: the dashboard's CSP refuses it, rightly, so this context bypasses it.
        await using var session = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BypassCSP = true });
        var page = await (await session.NewPageAsync()).SignInAsync(_site.App);
        var sweep = new PageSweep(page);
        var baseUrl = _site.App.BaseUrl();

        foreach (var path in new[]
        {
            "/", "/actions/library", "/actions/flows", "/actions/flows/post-login", $"/actions/{_site.DraftActionId}",
            "/users", $"/users/{Uri.EscapeDataString(_site.User.Id)}", "/roles", $"/roles/{_site.RoleId}",
            "/applications", $"/applications/{_site.Spa.ClientId}", $"/applications/{_site.Machine.ClientId}",
            "/apis", $"/apis/{_site.ApiId}", "/settings", "/settings/mfa", "/settings/security",
        })
            await sweep.VisitAsync(baseUrl, path);

        await sweep.VisitAsync(baseUrl, $"/actions/{_site.DeployedActionId}");
        await sweep.VisitAsync(baseUrl, "/logs");
        await page.Locator("[data-test=logs-table] tr", new() { HasText = "Success Login" }).ClickAsync();
        await page.Locator("[data-test=execution-logs]").WaitForAsync();
        await sweep.CheckAsync("/logs with a login's detail open");

        Assert.True(sweep.Problems.Count == 0, string.Join("\n", sweep.Problems));
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Every_hosted_page_fits_the_screen_logs_no_console_error_and_has_readable_contrast(int width, int height)
    {
        await using var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BypassCSP = true });
        var page = await context.NewPageAsync();
        var sweep = new PageSweep(page);
        var baseUrl = _site.App.BaseUrl();

        await sweep.VisitAsync(baseUrl, HostedLogin.AuthorizeUrl(_site.Spa.ClientId, HostedLogin.Verifier, "sweep"));
        await page.FillAsync("#email", _site.User.Email!);
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-test=login-error]").WaitForAsync();
        await sweep.CheckAsync("/u/login with a wrong password");
        await page.ClickAsync("[data-test=signup-link]");
        await page.Locator("h1").WaitForAsync();
        await sweep.CheckAsync("/u/signup");
        await page.GoBackAsync();
        await page.ClickAsync("[data-test=forgot-link]");
        await page.Locator("h1").WaitForAsync();
        await sweep.CheckAsync("/u/reset-password");
        await sweep.VisitAsync(baseUrl, "/account/login");
        await sweep.VisitAsync(baseUrl, "/u/error?key=invalid_request", expectedStatus: 400);

        Assert.True(sweep.Problems.Count == 0, string.Join("\n", sweep.Problems));
    }
}
