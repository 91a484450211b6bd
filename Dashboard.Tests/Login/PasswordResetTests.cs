using System.Net;
using System.Text.RegularExpressions;
using Flowgate.Runtime.Email;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login;

/// <summary>Forgot / reset password through the hosted pages, the development outbox and the password-reset triggers.</summary>
public sealed partial class PasswordResetTests : IClassFixture<FlowgateAppFixture>
{
    private const string NewPassword = "a brand new passphrase";
    private readonly FlowgateApp _app;

    public PasswordResetTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task The_mailed_link_sets_a_new_password_once_and_unknown_addresses_get_the_same_answer_and_no_mail()
    {
        await _app.DeployFlowAsync("password-reset-post-challenge");
        var user = await _app.CreateUserAsync();
        var http = Browser();

        var known = await RequestResetAsync(http, user.Email!);
        var unknown = await RequestResetAsync(http, $"nobody-{Guid.NewGuid():N}@example.com");
        Assert.Equal(Neutral(known), Neutral(unknown));
        Assert.Contains("If an account exists for that address", known);
        Assert.DoesNotContain(Outbox.Messages, m => m.To.StartsWith("nobody-"));

        var link = LinkIn(Outbox.Messages.First(m => m.To == user.Email));
        var changed = await HtmlForm.SubmitAsync(http, link, new Dictionary<string, string> { ["Input.Password"] = NewPassword });
        Assert.Contains("Your password was changed", await changed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(user.Email!, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(user.Email!, "correct horse battery")).StatusCode);
        Assert.Contains("invalid or has expired", await http.GetStringAsync(link));
    }

    [Fact]
    public async Task Post_challenge_deny_shows_the_reason_and_a_forged_post_changes_nothing()
    {
        await _app.DeployFlowAsync("password-reset-post-challenge", ("no resets on weekends", """
            exports.onExecutePostChallenge = async (event, api) => {
              if (event.user.email.startsWith('user-')) api.access.deny('Password resets are paused for this account.');
            };
            """));
        var user = await _app.CreateUserAsync();
        var http = Browser();
        await RequestResetAsync(http, user.Email!);
        var link = LinkIn(Outbox.Messages.First(m => m.To == user.Email));

        var page = await http.GetStringAsync(link);
        var forged = await HtmlForm.SubmitAsync(http, link, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.Pass"] = "made-up" });

        Assert.Contains("Password resets are paused for this account.", page);
        Assert.DoesNotContain("Change password", page);
        Assert.DoesNotContain("Your password was changed", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(user.Email!, NewPassword)).StatusCode);
    }

    [Theory]
    [InlineData("https://app.example.com/welcome", "https://app.example.com/welcome?from=reset")]
    [InlineData("javascript:alert(1)", null)]
    public async Task A_result_url_set_by_the_flow_is_where_the_user_goes_once_the_password_is_set(string resultUrl, string? expected)
    {
        await _app.DeployFlowAsync("password-reset-post-challenge", ("welcome back", $$"""
            exports.onExecutePostChallenge = async (event, api) => {
              api.transaction.setResultUrl('{{resultUrl}}', { query: { from: 'reset' } });
            };
            """));
        var user = await _app.CreateUserAsync();
        var http = Browser();

        var changed = await HtmlForm.SubmitAsync(http, await ResetMail.LinkAsync(_app, http, user.Email!), new Dictionary<string, string> { ["Input.Password"] = NewPassword });

        // Only an absolute http(s) address is followed; anything else leaves the user on the confirmation.
        Assert.Equal(expected, changed.Headers.Location?.AbsoluteUri);
        if (expected is null)
            Assert.Contains("Your password was changed", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(user.Email!, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Posts_to_the_hosted_pages_beyond_the_per_ip_limit_get_429_while_pages_still_load()
    {
        using var limited = new FlowgateApp(settings: new Dictionary<string, string> { ["HostedLogin:RateLimit:PermitsPerMinute"] = "3" });
        var http = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await HtmlForm.SubmitAsync(http, "/u/login", new Dictionary<string, string> { ["Input.Email"] = "someone@example.com", ["Input.Password"] = "wrong password" })).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/u/login")).StatusCode);
    }

    private DevelopmentOutbox Outbox => _app.Services.GetRequiredService<DevelopmentOutbox>();

    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<string> RequestResetAsync(HttpClient http, string email) => ResetMail.RequestAsync(http, email);

    // A successful login redirects onwards; a failed one renders the page again with the error.
    private Task<HttpResponseMessage> LogInAsync(string email, string password) =>
        HtmlForm.SubmitAsync(Browser(), "/u/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static string LinkIn(EmailMessage message) => ResetMail.LinkIn(message);

    // The answer without the antiforgery token and the encrypted component state, which differ on every page.
    private static string Neutral(string page) => HiddenToken().Replace(page, "");

    [GeneratedRegex("<input type=\"hidden\"[^>]*>|<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex HiddenToken();
}
