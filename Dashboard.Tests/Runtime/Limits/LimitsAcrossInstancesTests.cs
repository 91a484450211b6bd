using System.Net;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Admin;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Flowgate.Tests.Runtime.Limits;

/// <summary>
/// Two instances on one database behind a load balancer that alternates requests: the per-IP and per-account limits
/// count as if there were one instance, and a burst of parallel posts lets exactly the limit through.
/// </summary>
public sealed class LimitsAcrossInstancesTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Hosted_login_posts_alternating_between_two_instances_share_one_per_ip_limit(DatabaseProvider provider)
    {
        using var instances = new TwoInstances(provider, new Dictionary<string, string> { ["HostedLogin:RateLimit:PermitsPerMinute"] = "4" });
        HttpClient[] browsers = [instances.First.CreateClient(NoRedirects), instances.Second.CreateClient(NoRedirects)];

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await WrongPasswordAsync(browsers[i % 2])).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Fifty_parallel_posts_over_two_instances_let_exactly_the_limit_through(DatabaseProvider provider)
    {
        using var instances = new TwoInstances(provider, new Dictionary<string, string> { ["HostedLogin:RateLimit:PermitsPerMinute"] = "10" });
        // Each browser loads its form first: only the posts race.
        var forms = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var http = instances[i].CreateClient(NoRedirects);
            return (Http: http, Page: await http.GetStringAsync("/u/login"));
        }));

        var statuses = await Task.WhenAll(forms.Select(async form => (await HtmlForm.PostAsync(form.Http, "/u/login", form.Page, WrongPassword)).StatusCode));

        Assert.Equal(10, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, s.ToString()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Administrator_sign_ins_for_one_account_alternating_between_instances_share_the_per_account_limit(DatabaseProvider provider)
    {
        using var instances = new TwoInstances(provider, new Dictionary<string, string> { ["Admin:SignInPermitsPerMinutePerAccount"] = "3" });
        var admin = await instances.First.CreateAdminAsync();
        HttpClient[] browsers = [instances.First.CreateClient(NoRedirects), instances.Second.CreateClient(NoRedirects)];

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await AdminPages.PasswordAsync(browsers[i % 2], admin.Email, "a wrong password"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], answers.Take(3).Select(a => a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.Equal("Too many sign-in attempts for this account. Wait a minute and try again.", await answers[3].Content.ReadAsStringAsync());
        // Even the right password waits: the limit is checked before any password is.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AdminPages.PasswordAsync(browsers[0], admin.Email)).StatusCode);
    }

    private static readonly Dictionary<string, string> WrongPassword = new() { ["Input.Email"] = "someone@example.com", ["Input.Password"] = "wrong password" };

    private static Task<HttpResponseMessage> WrongPasswordAsync(HttpClient http) => HtmlForm.SubmitAsync(http, "/u/login", WrongPassword);
}
