using System.Net;
using System.Text.RegularExpressions;

namespace Flowgate.Tests.Infrastructure;

/// <summary>The hosted error page a refused step lands on, read as the user sees it.</summary>
internal static partial class HostedErrors
{
    /// <summary>Requests <paramref name="url"/>, which must send the browser to the error page (a 400); returns the Auth0 error code shown there.</summary>
    public static async Task<string> RefusedAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/u/error?", response.Headers.Location!.OriginalString);
        var page = await http.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        return ErrorCode().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    [GeneratedRegex("data-test=\"error-code\">([^<]+)<")]
    private static partial Regex ErrorCode();
}
