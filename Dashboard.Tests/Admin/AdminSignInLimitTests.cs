using System.Net;
using Flowgate.Runtime.Admin;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Admin;

/// <summary>Guessing administrators' passwords: the lock holds under parallel requests, and the rate limits answer 429 with why.</summary>
public sealed class AdminSignInLimitTests
{
    [Fact]
    public async Task Forty_parallel_wrong_passwords_check_exactly_the_configured_number_then_the_account_is_locked()
    {
        var hasher = new CountingPasswordHasher();
        using var app = new FlowgateApp(
            services: s => s.AddSingleton<IPasswordHasher<AdminAccount>>(hasher),
            settings: new Dictionary<string, string> { ["Admin:MaxFailedAccessAttempts"] = "5", ["Admin:SignInPermitsPerMinutePerAccount"] = "1000" });
        var admin = await app.CreateAdminAsync();
        var http = app.CreateClient(AdminPages.NoRedirects);
        var page = await http.GetStringAsync("/account/login");

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => HtmlForm.PostAsync(http, "/account/login", page,
            new Dictionary<string, string> { ["Input.Email"] = admin.Email, ["Input.Password"] = "wrong password " + i })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(5, hasher.Verified);
        var right = await AdminPages.PasswordAsync(http, admin.Email);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
        Assert.False(await AdminPages.HasSessionAsync(http));
        Assert.Equal(5, hasher.Verified);
    }

    [Fact]
    public async Task Sign_in_posts_over_the_limits_get_429_with_the_reason_per_account_then_per_ip()
    {
        using var app = new FlowgateApp(
            settings: new Dictionary<string, string> { ["Admin:SignInPermitsPerMinutePerIp"] = "3", ["Admin:SignInPermitsPerMinutePerAccount"] = "2" });
        await app.CreateAdminAsync();
        var http = app.CreateClient(AdminPages.NoRedirects);
        var page = await http.GetStringAsync("/account/login");
        Task<HttpResponseMessage> Post(string email) => HtmlForm.PostAsync(http, "/account/login", page,
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "a wrong password" });

        Assert.Equal(HttpStatusCode.OK, (await Post("target@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post("target@example.com")).StatusCode);
        var perAccount = await Post("TARGET@example.com ");
        Assert.Equal(HttpStatusCode.TooManyRequests, perAccount.StatusCode);
        Assert.Equal("Too many sign-in attempts for this account. Wait a minute and try again.", await perAccount.Content.ReadAsStringAsync());
        var perIp = await Post("someone.else@example.com");
        Assert.Equal(HttpStatusCode.TooManyRequests, perIp.StatusCode);
        Assert.Equal("Too many sign-in attempts from your network. Wait a minute and try again.", await perIp.Content.ReadAsStringAsync());
        Assert.NotNull(perIp.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_session_stamped_before_a_password_change_is_refused_on_its_next_request()
    {
        using var app = new FlowgateApp();
        var admin = await app.CreateAdminAsync();
        var stolen = app.CreateClient(AdminPages.NoRedirects);
        var own = app.CreateClient(AdminPages.NoRedirects);
        await AdminPages.PasswordAsync(stolen, admin.Email);
        await AdminPages.PasswordAsync(own, admin.Email);
        Assert.True(await AdminPages.HasSessionAsync(stolen));

        var changed = await app.Services.GetRequiredService<AdminAccountService>()
            .ChangePasswordAsync(admin.Id, AdminPages.Password, "another long passphrase", CancellationToken.None);

        Assert.True(changed.Succeeded);
        var next = await stolen.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/account/login", new Uri(stolen.BaseAddress!, next.Headers.Location!).AbsolutePath);
        Assert.False(await AdminPages.HasSessionAsync(own));
    }
}
