using System.Net;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Login;

/// <summary>Auth0's authorization parameters that shape the login: prompt=login, max_age, login_hint, screen_hint.</summary>
public sealed class LoginPromptTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public LoginPromptTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task A_session_is_reused_but_prompt_login_and_an_exceeded_max_age_ask_for_the_password_again()
    {
        await _app.DeployFlowAsync("post-login");
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var http = _app.CreateBrowserClient();
        await http.LogInAsync(spa.ClientId, user.Email!);
        var authorize = HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s2");

        Assert.StartsWith(EndUsers.Callback, (await http.GetAsync(authorize)).Headers.Location!.ToString());
        Assert.StartsWith(EndUsers.Callback, (await http.GetAsync(authorize + "&max_age=3600")).Headers.Location!.ToString());
        Assert.StartsWith("/u/login", (await http.GetAsync(authorize + "&max_age=0")).Headers.Location!.OriginalString);
        var forced = await http.GetAsync(authorize + "&prompt=login");
        Assert.StartsWith("/u/login", forced.Headers.Location!.OriginalString);

        // Logging in again on that page satisfies it: back at /authorize, the code is issued (no loop).
        var loggedIn = await HtmlForm.SubmitAsync(http, forced.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!, ["Input.Password"] = "correct horse battery",
        });
        Assert.StartsWith(EndUsers.Callback, (await http.GetAsync(loggedIn.Headers.Location)).Headers.Location!.ToString());
    }

    [Fact]
    public async Task Login_hint_fills_the_email_and_screen_hint_signup_opens_signup()
    {
        var spa = await _app.CreateSpaAsync();
        var http = _app.CreateBrowserClient();
        var authorize = HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s3");

        var hinted = await http.GetAsync(authorize + "&login_hint=" + Uri.EscapeDataString("jane@example.com"));
        Assert.StartsWith("/u/login", hinted.Headers.Location!.OriginalString);
        Assert.Contains("value=\"jane@example.com\"", await http.GetStringAsync(hinted.Headers.Location));

        var signup = await http.GetAsync(authorize + "&screen_hint=signup");
        Assert.StartsWith("/u/signup", signup.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(signup.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task A_request_that_cannot_go_back_to_the_application_lands_on_the_hosted_error_page_with_the_code()
    {
        var spa = await _app.CreateSpaAsync();
        var http = _app.CreateBrowserClient();
        var authorize = HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s4");

        Assert.Equal("invalid_request", await HostedErrors.RefusedAsync(http, authorize.Replace(spa.ClientId, "no-such-client")));
        Assert.Equal("invalid_request", await HostedErrors.RefusedAsync(http,
            authorize.Replace(Uri.EscapeDataString(EndUsers.Callback), Uri.EscapeDataString("https://attacker.example/callback"))));
        // With a registered callback, the error goes back to the application, as on Auth0.
        var silent = (await http.GetAsync(authorize + "&prompt=none")).Headers.Location!.ToString();
        Assert.StartsWith(EndUsers.Callback, silent);
        Assert.Contains("error=login_required", silent);
    }
}
