using System.Net;
using System.Text.RegularExpressions;
using Flowgate.Runtime.Mfa;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Tests.Login.Mfa;

/// <summary>What a user does on the factor pages, read from the HTML the way they would read it.</summary>
internal static partial class MfaPages
{
    /// <summary>Reads the manual key, types the app's code (remembering the browser if asked); returns the key and the page after.</summary>
    public static async Task<(byte[] Key, string Html)> EnrolAsync(HttpClient http, Uri page, TestClock clock, bool rememberBrowser = false)
    {
        Assert.StartsWith("/u/mfa-otp-enrollment", page.OriginalString);
        var html = await http.GetStringAsync(page);
        Assert.Contains("data:image/png;base64,", html);
        var key = Base32.Decode(Secret().Match(html).Groups[1].Value);
        var after = await SubmitCodeAsync(http, page, Totp.Code(key, Totp.TimeStep(clock.Now)), rememberBrowser);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        return (key, await after.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> SubmitCodeAsync(HttpClient http, Uri page, string code, bool rememberBrowser = false)
    {
        var fields = new Dictionary<string, string> { ["Input.Code"] = code };
        if (rememberBrowser)
            fields["Input.RememberBrowser"] = "true";
        return HtmlForm.SubmitAsync(http, page.OriginalString, fields);
    }

    /// <summary>Types the authenticator app's next code on the challenge page; returns where it sends the browser, as a local address.</summary>
    public static async Task<Uri> PassOtpAsync(HttpClient http, Uri challenge, byte[] key, TestClock clock)
    {
        clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        var passed = await SubmitCodeAsync(http, challenge, Totp.Code(key, Totp.TimeStep(clock.Now)));
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        var location = passed.Headers.Location!;
        return location.IsAbsoluteUri ? new Uri(location.PathAndQuery, UriKind.Relative) : location;
    }

    public static string RecoveryCode(string html) => RecoveryCodeShown().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("No recovery code shown:\n" + html);

    public static string? Error(string html) => ErrorShown().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>Follows "continue" from the recovery-code notice to the application's callback; returns the authorization code.</summary>
    public static async Task<string> ContinueToCodeAsync(HttpClient http, string html)
    {
        var next = WebUtility.HtmlDecode(ContinueLink().Match(html).Groups[1].Value);
        Assert.StartsWith("/authorize?", next);
        return CodeOf(await http.GetAsync(next));
    }

    /// <summary>The authorization code of a redirect to the application (fails with what came instead).</summary>
    public static string CodeOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"No redirect: {(int)response.StatusCode}");
        Assert.StartsWith(EndUsers.Callback, location.ToString());
        var code = QueryHelpers.ParseQuery(location.Query)["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code), location.ToString());
        return code;
    }

    [GeneratedRegex("data-test=\"otp-secret\">([A-Z2-7]+)<")]
    private static partial Regex Secret();

    [GeneratedRegex("data-test=\"recovery-code\">([A-Z0-9]+)<")]
    private static partial Regex RecoveryCodeShown();

    [GeneratedRegex("data-test=\"mfa-error\">([^<]+)<")]
    private static partial Regex ErrorShown();

    [GeneratedRegex("href=\"([^\"]+)\" data-enhance-nav=\"false\" data-test=\"mfa-continue\"")]
    private static partial Regex ContinueLink();
}
