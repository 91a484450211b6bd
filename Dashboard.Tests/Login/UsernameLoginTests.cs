using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Flowgate.Runtime.Monitoring;
using Flowgate.Tests.Endpoints.Management;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login;

/// <summary>
/// With <c>requires_username</c> on, <c>/u/signup</c> asks for a username and <c>/u/login</c> takes it in place of the
/// e-mail, with the same lockout, the same per-IP limit and the same words for whatever went wrong.
/// </summary>
public sealed partial class UsernameLoginTests : IClassFixture<FlowgateAppFixture>
{
    private const string Password = "correct horse battery";
    private readonly FlowgateApp _app;

    public UsernameLoginTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Signup_asks_for_a_username_and_the_new_user_logs_in_with_it()
    {
        var http = await UsernamesOnAsync(_app);
        var spa = await _app.CreateSpaAsync();
        var (email, username) = (UserJobs.Email("signup"), "signup_" + Guid.NewGuid().ToString("N")[..8]);

        var page = await Browser(_app).GetStringAsync("/u/signup");
        var refused = await SignUpAsync(UserJobs.Email("nameless"), "");
        var signedUp = await SignUpAsync(email, username);
        var twin = await SignUpAsync(UserJobs.Email("twin"), username.ToUpperInvariant());

        Assert.Contains("name=\"Input.Username\"", page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the page again, with the problem
        Assert.Contains("A username is required.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);
        Assert.Contains("We could not create an account with these details", await twin.Content.ReadAsStringAsync());
        var found = await (await http.GetAsync($"/api/v2/users?q=username:{username}")).JsonAsync();
        Assert.Equal(email, Assert.Single(found.EnumerateArray()).GetProperty("email").GetString());
        Assert.True(await _app.LogsInAsync(spa.ClientId, username, Password));
    }

    [Fact]
    public async Task Post_login_Actions_read_the_username_in_event_user()
    {
        await UsernamesOnAsync(_app);
        var spa = await _app.CreateSpaAsync();
        var (user, username) = await CreateUserAsync(_app);
        // Only this user's login depends on what the Action reads, so the class's other tests log in as before.
        await _app.DeployFlowAsync("post-login", ("needs the username", $$"""
            exports.onExecutePostLogin = async (event, api) => {
              if (event.user.email === '{{user.Email}}' && event.user.username !== '{{username}}') api.access.deny('username not seen');
            };
            """));

        Assert.True(await _app.LogsInAsync(spa.ClientId, user.Email, Password));
        Assert.True(await _app.LogsInAsync(spa.ClientId, username, Password));
    }

    [Fact]
    public async Task A_username_gets_the_same_words_and_the_same_lockout_as_an_address()
    {
        await UsernamesOnAsync(_app);
        var (user, username) = await CreateUserAsync(_app);

        var unknownAddress = await ErrorAsync($"nobody-{Guid.NewGuid():N}@example.com", "whatever it is");
        var unknownName = await ErrorAsync("nobody_" + Guid.NewGuid().ToString("N")[..8], "whatever it is");
        var wrong = await ErrorAsync(username, "not the password");
        for (var i = 0; i < 10; i++)
            await ErrorAsync(username, "not the password");
        var lockedByName = await ErrorAsync(username, Password);
        var lockedByAddress = await ErrorAsync(user.Email, Password);

        Assert.False(string.IsNullOrEmpty(unknownAddress));
        Assert.All(new[] { unknownName, wrong, lockedByName, lockedByAddress }, words => Assert.Equal(unknownAddress, words));
        await _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        await using var scope = _app.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<TenantLog>();
        Assert.NotEmpty((await log.SearchAsync(new TenantLogQuery(Type: "limit_wc", UserId: user.Id), 0, 10, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Posts_by_username_count_against_the_per_ip_limit_as_posts_by_address_do()
    {
        using var limited = new FlowgateApp(settings: new Dictionary<string, string> { ["HostedLogin:RateLimit:PermitsPerMinute"] = "3" });
        await UsernamesOnAsync(limited);
        var (user, username) = await CreateUserAsync(limited);
        var http = Browser(limited);

        var statuses = new List<HttpStatusCode>();
        foreach (var identifier in new[] { username, user.Email, username, username })
            statuses.Add((await HtmlForm.SubmitAsync(http, "/u/login", Fields(identifier, "wrong password"))).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<HttpClient> UsernamesOnAsync(FlowgateApp app)
    {
        var http = await app.CreateManagementClientAsync();
        var on = await http.PatchAsJsonAsync("/api/v2/connections/" + UserJobs.ConnectionId, new { options = new { requires_username = true } });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        return http;
    }

    private static async Task<(UserRef User, string Username)> CreateUserAsync(FlowgateApp app)
    {
        var http = await app.CreateManagementClientAsync();
        var username = "user_" + Guid.NewGuid().ToString("N")[..8];
        var email = UserJobs.Email("by-name");
        var created = await (await http.PostAsJsonAsync("/api/v2/users", new
        {
            connection = "Username-Password-Authentication", email, username, password = Password, email_verified = true, verify_email = false,
        })).JsonAsync(201);
        return (new UserRef(created.GetProperty("user_id").GetString()!, email), username);
    }

    private Task<HttpResponseMessage> SignUpAsync(string email, string username) =>
        HtmlForm.SubmitAsync(Browser(_app), "/u/signup", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Username"] = username, ["Input.Password"] = Password,
        });

    private async Task<string> ErrorAsync(string identifier, string password)
    {
        var html = await (await HtmlForm.SubmitAsync(Browser(_app), "/u/login", Fields(identifier, password))).Content.ReadAsStringAsync();
        return LoginError().Match(html).Value;
    }

    private static Dictionary<string, string> Fields(string identifier, string password) =>
        new() { ["Input.Email"] = identifier, ["Input.Password"] = password };

    private static HttpClient Browser(FlowgateApp app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private sealed record UserRef(string Id, string Email);

    [GeneratedRegex("data-test=\"login-error\">[^<]*")]
    private static partial Regex LoginError();
}
