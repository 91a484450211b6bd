using System.Net;
using System.Text.RegularExpressions;
using Flowgate.Runtime.Admin;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Admin;

/// <summary>A fresh install as Production runs it: the setup page belongs to whoever reads the server log, not to its first visitor.</summary>
public sealed partial class AdminSetupTokenTests
{
    [Fact]
    public async Task Setup_is_refused_without_the_logged_token_succeeds_with_it_and_the_token_works_once()
    {
        var logs = new RecordedLogs();
        using var app = new FlowgateApp(
            services: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs),
            settings: new Dictionary<string, string> { ["Admin:RequireSetupToken"] = "true" });
        var http = app.CreateClient(AdminPages.NoRedirects);
        var admins = app.Services.GetRequiredService<AdminAccountService>();
        var token = logs.Lines.Select(l => SetupToken().Match(l)).Single(m => m.Success).Groups[1].Value;

        Assert.Contains("id=\"token\"", await http.GetStringAsync("/account/setup"));
        var without = await SetupAsync(http, null);
        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        Assert.Contains("setup token", await without.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await SetupAsync(http, "WRONGTOKENWRONGTOKENWRON")).StatusCode);
        Assert.False(await admins.AnyAsync(CancellationToken.None));

        var with = await SetupAsync(http, token);
        Assert.Equal(HttpStatusCode.Redirect, with.StatusCode);
        Assert.True(await admins.AnyAsync(CancellationToken.None));

        // Even were the install empty again, the spent token opens nothing.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync())
            await db.AdminAccounts.ExecuteDeleteAsync();
        var again = await SetupAsync(app.CreateClient(AdminPages.NoRedirects), token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(await admins.AnyAsync(CancellationToken.None));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("administrator-password", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> SetupAsync(HttpClient http, string? token)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = "owner@example.com",
            ["Input.Password"] = "administrator-password",
            ["Input.ConfirmPassword"] = "administrator-password",
        };
        if (token is not null)
            fields["Input.SetupToken"] = token;
        return HtmlForm.SubmitAsync(http, "/account/setup", fields);
    }

    [GeneratedRegex("setup token: ([A-Z2-9]{24})")]
    private static partial Regex SetupToken();
}
