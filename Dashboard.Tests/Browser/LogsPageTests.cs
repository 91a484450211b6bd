using Flowgate.Runtime.Monitoring;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

public sealed class LogsPageTests : IClassFixture<Infrastructure.Browser>
{
    private readonly IBrowser _browser;

    public LogsPageTests(Infrastructure.Browser browser) => _browser = browser.Instance;

    [Fact]
    public async Task A_login_shows_in_the_logs_with_the_execution_of_its_flow_and_its_console_output()
    {
        using var app = KestrelApp.Start();
        await app.DeployFlowAsync("post-login", ("greeter", "exports.onExecutePostLogin = async (event) => { console.log('hello ' + event.user.email); };"));
        var spa = await app.CreateSpaAsync();
        var user = await app.CreateUserAsync();
        await EndUserLogsInAsync(app, spa.ClientId, user.Email!);
        await app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;

        await page.GotoAsync(app.BaseUrl() + "/logs");
        var login = page.Locator("[data-test=logs-table] tr", new() { HasText = "Success Login" });
        await Assertions.Expect(login).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-test=logs-table] tr", new() { HasText = "Incorrect Password" })).ToHaveCountAsync(1);
        await login.ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=execution-title]")).ToContainTextAsync("post-login flow");
        await Assertions.Expect(page.Locator("[data-test=execution-logs]")).ToContainTextAsync("hello " + user.Email);

        // Live tail: a new failure appears without reloading the page.
        await page.ClickAsync("[data-test=log-live]");
        await Assertions.Expect(page.GetByLabel("Live")).ToBeCheckedAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl()) };
        await HtmlForm.SubmitAsync(http, "/u/login", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "whatever it is" });
        await Assertions.Expect(page.Locator("[data-test=logs-table] tr", new() { HasText = "Invalid Email" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        // Replay: the editor's test panel starts with the event this login's flow received.
        await page.ClickAsync("[data-test=replay-in-editor]");
        await page.Locator("[data-test=replaying]").WaitForAsync();
        Assert.Contains(user.Email!, await page.Locator("textarea[data-test=test-event]").InputValueAsync());
    }

    // In a browser of their own: one wrong password, then the right one, ending at the application's callback.
    private async Task EndUserLogsInAsync(FlowgateApp app, string clientId, string email)
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync(EndUsers.Callback + "**", route => route.FulfillAsync(new() { Body = "the application" }));
        var challenge = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("verifier-verifier-verifier-verifier-verifier"u8)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await page.GotoAsync($"{app.BaseUrl()}/authorize?client_id={clientId}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(EndUsers.Callback)}&code_challenge={challenge}&code_challenge_method=S256");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "wrong one");
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-test=login-error]").WaitForAsync();
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByText("the application")).ToBeVisibleAsync();
    }
}
