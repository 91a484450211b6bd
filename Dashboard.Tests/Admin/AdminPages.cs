using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Flowgate.Runtime.Admin;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Admin;

/// <summary>The administrator's sign-in pages as a browser posts them, and what the tests read back from them.</summary>
internal static partial class AdminPages
{
    public const string Password = "a long enough passphrase";
    public const string Origin = "http://localhost";
    public const string RpId = "localhost";
    public static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    public static async Task<AdminAccount> CreateAdminAsync(this FlowgateApp app)
    {
        var email = $"admin-{Guid.NewGuid():N}"[..14] + "@example.com";
        var result = await app.Services.GetRequiredService<AdminAccountService>().CreateAsync(email, Password, CancellationToken.None);
        return result.Account!;
    }

    public static Task<HttpResponseMessage> PasswordAsync(HttpClient http, string email, string password = Password) =>
        HtmlForm.SubmitAsync(http, "/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Where a redirect goes: its path and query.</summary>
    public static string Target(this HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;

    /// <summary>Whether the client holds an administrator session: the dashboard answers instead of sending it to sign in.</summary>
    public static async Task<bool> HasSessionAsync(HttpClient http) => (await http.GetAsync("/")).StatusCode == HttpStatusCode.OK;

    /// <summary>The challenge in the WebAuthn options of the button <paramref name="testId"/>.</summary>
    public static byte[] Challenge(string html, string testId)
    {
        var options = WebUtility.HtmlDecode(new Regex($"data-webauthn-options=\"([^\"]+)\" data-test=\"{testId}\"").Match(html).Groups[1].Value);
        return Base64Url.DecodeFromChars(JsonDocument.Parse(options).RootElement.GetProperty("challenge").GetString());
    }

    public static string OtpSecret(string html) => OtpSecretPattern().Match(html).Groups[1].Value;

    public static string RecoveryCode(string html) => RecoveryCodePattern().Match(html).Groups[1].Value;

    public static bool ShowsError(string html) => html.Contains("data-test=\"factor-error\"", StringComparison.Ordinal);

    public static async Task<AdminAccount> ReadAsync(this FlowgateApp app, string adminId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        return await db.AdminAccounts.AsNoTracking().SingleAsync(a => a.Id == adminId);
    }

    [GeneratedRegex("data-test=\"otp-secret\">([A-Z2-7]+)<")]
    private static partial Regex OtpSecretPattern();

    [GeneratedRegex("data-test=\"recovery-code\">([A-Z0-9]+)<")]
    private static partial Regex RecoveryCodePattern();
}
