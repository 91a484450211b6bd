using System.Net;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login;

/// <summary>What the hosted pages refuse, and what they do not give away while refusing.</summary>
public sealed class HostedLoginProtectionTests : IClassFixture<FlowgateAppFixture>
{
    private const string Password = "correct horse battery";
    private readonly FlowgateApp _app;

    public HostedLoginProtectionTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Twenty_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        var user = await _app.CreateUserAsync();

        var pages = new List<string>();
        for (var i = 0; i < 20; i++)
            pages.Add(await LogInPageAsync(user.Email!, $"wrong password {i}"));
        var withTheRightOne = await LogInAsync(user.Email!, Password);

        Assert.Contains("Wrong email or password.", pages[0]);
        Assert.Contains("locked", pages[^1]);
        Assert.Equal(HttpStatusCode.OK, withTheRightOne.StatusCode);
        Assert.Contains("locked", await withTheRightOne.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_blocked_account_looks_like_any_wrong_password_until_the_password_is_right()
    {
        var user = await _app.CreateUserAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.Blocked = true;
            await users.UpdateAsync(stored);
        }

        var wrong = await LogInPageAsync(user.Email!, "not the password");
        var unknown = await LogInPageAsync($"nobody-{Guid.NewGuid():N}@example.com", "not the password");
        var right = await LogInPageAsync(user.Email!, Password);

        Assert.Contains("Wrong email or password.", wrong);
        Assert.Contains("Wrong email or password.", unknown);
        Assert.DoesNotContain("blocked", wrong);
        Assert.Contains("blocked", right);
    }

    [Fact]
    public async Task Signing_up_with_a_taken_address_does_not_say_the_account_exists_and_signs_nobody_in()
    {
        var user = await _app.CreateUserAsync();
        var http = Browser();

        var response = await HtmlForm.SubmitAsync(http, "/u/signup", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "another long password" });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("log in or reset your password", page);
        Assert.DoesNotContain("already exists", page);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("flowgate.session="));
    }

    private Task<HttpResponseMessage> LogInAsync(string email, string password) =>
        HtmlForm.SubmitAsync(Browser(), "/u/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private async Task<string> LogInPageAsync(string email, string password) => await (await LogInAsync(email, password)).Content.ReadAsStringAsync();

    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
