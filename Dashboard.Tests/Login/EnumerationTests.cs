using System.Diagnostics;
using Flowgate.Runtime.Monitoring;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Login;

/// <summary>/u/login tells a stranger nothing about which addresses have accounts: not by its words, not by its speed.</summary>
public sealed class EnumerationTests : IClassFixture<FlowgateAppFixture>
{
    private const int Tries = 15;
    private readonly FlowgateApp _app;

    public EnumerationTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Unknown_wrong_and_locked_get_the_same_words_and_the_log_tells_them_apart()
    {
        var user = await _app.CreateUserAsync();
        var unknownEmail = $"nobody-{Guid.NewGuid():N}@example.com";

        var unknown = await ErrorAsync(unknownEmail, "whatever it is");
        var wrong = await ErrorAsync(user.Email!, "not the password");
        for (var i = 0; i < 10; i++)
            await ErrorAsync(user.Email!, "not the password");
        var locked = await ErrorAsync(user.Email!, "correct horse battery");

        Assert.False(string.IsNullOrEmpty(unknown));
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
        await _app.Services.GetRequiredService<ExecutionRecorder>().FlushAsync(CancellationToken.None);
        await using var scope = _app.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<TenantLog>();
        Assert.Contains((await log.SearchAsync(new TenantLogQuery(Type: "fu"), 0, 100, CancellationToken.None)).Items, e => e.UserName == unknownEmail);
        Assert.NotEmpty((await log.SearchAsync(new TenantLogQuery(Type: "limit_wc", UserId: user.Id), 0, 10, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task An_unknown_address_takes_about_as_long_as_a_wrong_password()
    {
        var user = await _app.CreateUserAsync();
        var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await http.GetStringAsync("/u/login");
        await PostAsync(http, page, user.Email!); // warm both paths once
        await PostAsync(http, page, "warm-up@example.com");

        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < Tries; i++)
        {
            // Interleaved, so a burst of load on the machine falls on both sides alike. Under the lockout limit: a fresh user each time.
            known.Add(await PostAsync(http, page, i % 8 == 7 ? (user = await _app.CreateUserAsync()).Email! : user.Email!));
            unknown.Add(await PostAsync(http, page, $"nobody-{Guid.NewGuid():N}@example.com"));
        }

        var (k, u) = (Median(known), Median(unknown));
        Assert.True(u > k / 3 && u < k * 3, $"median wrong password {k:F1} ms, unknown address {u:F1} ms");
    }

    [Fact]
    public async Task A_reset_request_for_a_real_account_does_not_wait_for_a_slow_mail_server()
    {
        // An SMTP server that accepts the connection and never says hello: a mail sent in the request would hang there.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var accepted = silent.AcceptTcpClientAsync();
        using var app = new FlowgateApp(settings: new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port.ToString(),
            ["Email:Smtp:UseStartTls"] = "false", ["Email:From"] = "login@example.com",
        });
        var user = await app.CreateUserAsync();

        var watch = Stopwatch.StartNew();
        var page = await ResetMail.RequestAsync(app.CreateBrowserClient(), user.Email!);
        var elapsed = watch.Elapsed;

        Assert.Contains("If an account exists for that address", page);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"the reset request took {elapsed.TotalSeconds:F1} s");
        using var connection = await accepted.WaitAsync(TimeSpan.FromSeconds(30)); // the mail did go out, in the background
    }

    private static async Task<double> PostAsync(HttpClient http, string page, string email)
    {
        var watch = Stopwatch.StartNew();
        await HtmlForm.PostAsync(http, "/u/login", page, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not the password" });
        return watch.Elapsed.TotalMilliseconds;
    }

    private async Task<string?> ErrorAsync(string email, string password)
    {
        var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var html = await (await HtmlForm.SubmitAsync(http, "/u/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password })).Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Match(html, "Wrong email or password[^<]*").Value;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
