using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Tenancy;
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
        var recorder = app.Services.GetRequiredService<ExecutionRecorder>();
        recorder.Log(new TenantLogEvent { Id = TenantLogEvent.NewId(), TenantId = Tenant.DefaultId, Type = "scp", Date = DateTimeOffset.UtcNow.AddDays(-2), UserId = user.Id });
        await recorder.FlushAsync(CancellationToken.None);
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;

        await page.GotoAsync(app.BaseUrl() + "/logs");
        var login = page.Locator("[data-test=logs-table] tr", new() { HasText = "Success Login" });
        await Assertions.Expect(login).ToHaveCountAsync(1);
        var wrongPassword = page.Locator("[data-test=logs-table] tr", new() { HasText = "Incorrect Password" });
        await Assertions.Expect(wrongPassword).ToHaveCountAsync(1);
        // Named like the successful login's application, not by a raw client id.
        await Assertions.Expect(wrongPassword.Locator("[data-test=log-application]")).ToHaveTextAsync("My SPA");
        await login.ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=execution-title]")).ToContainTextAsync("post-login flow");
        await Assertions.Expect(page.Locator("[data-test=execution-logs]")).ToContainTextAsync("hello " + user.Email);

        // Filters by application (client id) and by time.
        var application = page.Locator("input[data-test=log-client]");
        await application.FillAsync("not-an-application");
        await Assertions.Expect(login).ToHaveCountAsync(0);
        await application.FillAsync(spa.ClientId);
        await Assertions.Expect(login).ToHaveCountAsync(1);
        await application.FillAsync("");
        await page.Locator("[data-test=log-period]").ClickAsync();
        var older = page.Locator("[data-test=logs-table] tr", new() { HasText = "Success Change Password" });
        await Assertions.Expect(older).ToHaveCountAsync(1);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Last hour" }).ClickAsync();
        await Assertions.Expect(older).ToHaveCountAsync(0);
        await Assertions.Expect(login).ToHaveCountAsync(1);

        // Live tail: a new failure appears without reloading the page.
        await page.ClickAsync("[data-test=log-live]");
        await Assertions.Expect(page.GetByLabel("Live")).ToBeCheckedAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl()) };
        await HtmlForm.SubmitAsync(http, "/u/login", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "whatever it is" });
        await Assertions.Expect(page.Locator("[data-test=logs-table] tr", new() { HasText = "Invalid Email" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        // Replay: the editor's test panel starts with the event this login's flow received.
        await page.ClickAsync("[data-test=replay-in-editor]");
        await page.Locator("[data-test=replaying]").WaitForAsync();
        // Indented as typed, "+" and all, not the recorded one-line JSON with its HTML escapes.
        var replayed = await page.TestEventAsync();
        Assert.Contains($"\"email\": \"{user.Email}\"", replayed);
        Assert.DoesNotContain("\\u00", replayed);
    }

    [Fact]
    public async Task A_failing_Action_in_the_login_flow_refuses_the_login_cleanly_shows_live_as_action_error_with_its_stack_and_replays_in_the_editor()
    {
        using var app = KestrelApp.Start();
        await app.DeployFlowAsync("post-login", ("plans", "exports.onExecutePostLogin = async (event) => { throw new Error('no plan for ' + event.user.email); };"));
        var spa = await app.CreateSpaAsync();
        var user = await app.CreateUserAsync();
        var page = await _browser.SignInAsync(app);
        await using var session = page.Context;
        await page.GotoAsync(app.BaseUrl() + "/logs");
        await page.ClickAsync("[data-test=log-live]");
        await Assertions.Expect(page.GetByLabel("Live")).ToBeCheckedAsync();

        var callback = await EndUserLogsInAsync(app, spa.ClientId, user.Email!, wrongPasswordFirst: false);

        // The application gets an OAuth error, not a broken page.
        Assert.Contains("error=access_denied", callback);
        // Live tail, no reload: the event is written at once and the page polls every second (a loaded test machine gets some slack).
        var failure = page.Locator("[data-test=logs-table] tr", new() { HasText = "Action Execution Failed" });
        await Assertions.Expect(failure).ToHaveCountAsync(1, new() { Timeout = 5_000 });
        await Assertions.Expect(failure.Locator("[data-test=log-error-class]")).ToHaveTextAsync("action_error");
        await failure.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=detail-error-class]")).ToHaveTextAsync("action_error");
        await Assertions.Expect(page.Locator("[data-test=execution-error]")).ToContainTextAsync("Error: no plan for " + user.Email);
        await Assertions.Expect(page.Locator("[data-test=log-detail] pre").First).ToContainTextAsync("action.js");

        // Replay: the editor runs the same event on the draft and fails the same way.
        await page.ClickAsync("[data-test=replay-in-editor]");
        await page.Locator("[data-test=replaying]").WaitForAsync();
        await page.Locator("[data-test=save-draft]:enabled").WaitForAsync();
        await page.ClickAsync("[data-test=run-test]");
        await Assertions.Expect(page.Locator("[data-test=test-error]")).ToContainTextAsync("no plan for " + user.Email);
    }

    // In a browser of their own: one wrong password, then the right one, ending at the application's callback.
    // Returns the callback address the application received.
    private async Task<string> EndUserLogsInAsync(FlowgateApp app, string clientId, string email, bool wrongPasswordFirst = true)
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync(EndUsers.Callback + "**", route => route.FulfillAsync(new() { Body = "the application" }));
        var challenge = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("verifier-verifier-verifier-verifier-verifier"u8)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await page.GotoAsync($"{app.BaseUrl()}/authorize?client_id={clientId}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(EndUsers.Callback)}&code_challenge={challenge}&code_challenge_method=S256");
        if (wrongPasswordFirst)
        {
            await page.FillAsync("#email", email);
            await page.FillAsync("#password", "wrong one");
            await page.ClickAsync("button[type=submit]");
            await page.Locator("[data-test=login-error]").WaitForAsync();
        }
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByText("the application")).ToBeVisibleAsync();
        return page.Url;
    }
}
