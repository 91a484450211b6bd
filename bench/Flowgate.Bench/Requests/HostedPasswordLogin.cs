using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Flowgate.Bench.Requests;

/// <summary>
/// One end user's password login as a browser and a SPA make it: <c>/authorize</c>, the hosted login form (GET, then the
/// post with its antiforgery fields), back to <c>/authorize</c> for the code, then the code exchange with PKCE. Each login
/// has a cookie jar of its own (a new browser), over connections the loops share.
/// </summary>
internal sealed partial class HostedPasswordLogin(HttpClient http, string clientId, string email, Action<string>? stepDone = null)
{
    /// <summary>The steps' names, in order, as <c>stepDone</c> hears them.</summary>
    public static readonly string[] Steps = ["GET /authorize", "GET login page", "POST login form", "GET /authorize (code)", "POST /oauth/token"];

    /// <summary>True when the login ended with tokens.</summary>
    public async Task<bool> RunAsync()
    {
        var cookies = new CookieContainer();
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"authorize?client_id={clientId}&response_type=code&scope=openid%20profile%20email" +
            $"&redirect_uri={Uri.EscapeDataString(BenchTenant.Callback)}&state=s&code_challenge={challenge}&code_challenge_method=S256";

        using var toLogin = await SendAsync(cookies, HttpMethod.Get, authorize);
        stepDone?.Invoke(Steps[0]);
        var loginPath = toLogin.Headers.Location?.OriginalString;
        if (loginPath is null)
            return false;
        using var page = await SendAsync(cookies, HttpMethod.Get, loginPath);
        var html = await page.Content.ReadAsStringAsync();
        stepDone?.Invoke(Steps[1]);
        var form = HiddenInput().Matches(html).GroupBy(m => m.Groups["name"].Value)
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value));
        form["Input.Email"] = email;
        form["Input.Password"] = BenchTenant.Password;
        using var posted = await SendAsync(cookies, HttpMethod.Post, loginPath, new FormUrlEncodedContent(form));
        stepDone?.Invoke(Steps[2]);
        if (posted.Headers.Location is not { } back)
            return false;
        using var callback = await SendAsync(cookies, HttpMethod.Get, back.OriginalString);
        stepDone?.Invoke(Steps[3]);
        var query = callback.Headers.Location?.Query ?? "";
        var code = Regex.Match(query, "[?&]code=([^&]+)").Groups[1].Value;
        if (code.Length == 0)
            return false;
        using var tokens = await http.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = Uri.UnescapeDataString(code),
            ["redirect_uri"] = BenchTenant.Callback, ["code_verifier"] = verifier,
        }));
        var body = await tokens.Content.ReadAsStringAsync();
        stepDone?.Invoke(Steps[4]);
        return tokens.IsSuccessStatusCode && JsonDocument.Parse(body).RootElement.TryGetProperty("id_token", out _);
    }

    private async Task<HttpResponseMessage> SendAsync(CookieContainer cookies, HttpMethod method, string path, HttpContent? content = null)
    {
        var uri = new Uri(http.BaseAddress!, path);
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        var header = cookies.GetCookieHeader(uri);
        if (header.Length > 0)
            request.Headers.Add("Cookie", header);
        var response = await http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
                cookies.SetCookies(uri, setCookie);
        }
        return response;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
