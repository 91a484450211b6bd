using System.Net;
using Flowgate.Runtime.Admin;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Admin;

public sealed class AdminSignInTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Fact]
    public async Task A_fresh_install_sends_the_dashboard_to_setup_which_creates_the_admin_and_signs_in()
    {
        using var app = new FlowgateApp();
        var http = app.CreateClient(NoRedirects);

        var home = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        var login = await http.GetAsync(home.Headers.Location);
        Assert.Equal("/account/setup", new Uri(http.BaseAddress!, login.Headers.Location!).AbsolutePath);

        var setup = await HtmlForm.SubmitAsync(http, "/account/setup", new Dictionary<string, string>
        {
            ["Input.Email"] = "owner@example.com",
            ["Input.Password"] = "a long enough passphrase",
            ["Input.ConfirmPassword"] = "a long enough passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);

        var dashboard = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("Getting started", html);
        Assert.Contains("owner@example.com", html);
    }

    [Fact]
    public async Task Setup_is_closed_once_an_administrator_exists()
    {
        using var app = new FlowgateApp();
        await app.Services.GetRequiredService<AdminAccountService>().CreateAsync("first@example.com", "first admin password", CancellationToken.None);
        var http = app.CreateClient(NoRedirects);

        var response = await HtmlForm.SubmitAsync(http, "/account/login", new Dictionary<string, string>());
        var takeover = await http.PostAsync("/account/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["Input.Email"] = "attacker@example.com",
            ["Input.Password"] = "attacker password!",
            ["Input.ConfirmPassword"] = "attacker password!",
        }));

        Assert.NotEqual(HttpStatusCode.Redirect, takeover.StatusCode);
        var signIn = await app.Services.GetRequiredService<AdminAccountService>().CheckPasswordAsync("attacker@example.com", "attacker password!", CancellationToken.None);
        Assert.Equal(AdminSignInStatus.Failed, signIn.Status);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_short_password_is_refused_with_the_rule()
    {
        using var app = new FlowgateApp();
        var http = app.CreateClient(NoRedirects);

        var response = await HtmlForm.SubmitAsync(http, "/account/setup", new Dictionary<string, string>
        {
            ["Input.Email"] = "owner@example.com",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "short",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least 12 characters", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        using var app = new FlowgateApp();
        var admins = app.Services.GetRequiredService<AdminAccountService>();
        await admins.CreateAsync("locked@example.com", "the right password", CancellationToken.None);
        var http = app.CreateClient(NoRedirects);

        for (var i = 0; i < 5; i++)
            await HtmlForm.SubmitAsync(http, "/account/login", new Dictionary<string, string>
            {
                ["Input.Email"] = "locked@example.com",
                ["Input.Password"] = "wrong password " + i,
            });
        var response = await HtmlForm.SubmitAsync(http, "/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = "locked@example.com",
            ["Input.Password"] = "the right password",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_never_redirects_off_site()
    {
        using var app = new FlowgateApp();
        await app.Services.GetRequiredService<AdminAccountService>().CreateAsync("ops@example.com", "the right password", CancellationToken.None);
        var http = app.CreateClient(NoRedirects);

        var response = await HtmlForm.SubmitAsync(http, "/account/login?returnUrl=https%3A%2F%2Fevil.example.com%2F", new Dictionary<string, string>
        {
            ["Input.Email"] = "ops@example.com",
            ["Input.Password"] = "the right password",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(http.BaseAddress!, response.Headers.Location!);
        Assert.Equal(http.BaseAddress!.Host, target.Host);
        Assert.Equal("/", target.AbsolutePath);
    }
}
