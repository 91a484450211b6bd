using System.Buffers.Text;
using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace Flowgate.Tests.Infrastructure;

/// <summary>
/// An application sending a real browser to /authorize at <see cref="BaseUrl"/>, its callback answered by the
/// test, and the code it receives redeemed with PKCE.
/// </summary>
internal sealed class BrowserLogin(IPage page, string baseUrl, string clientId)
{
    private readonly string _verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public string BaseUrl => baseUrl;

    /// <summary>The last callback the application received.</summary>
    public Uri? Callback { get; private set; }

    /// <summary>Answers the application's callback with a page saying "the application".</summary>
    public Task RouteCallbackAsync() => page.RouteAsync(EndUsers.Callback + "**", route =>
    {
        Callback = new Uri(route.Request.Url);
        return route.FulfillAsync(new() { Body = "the application" });
    });

    /// <summary>The application sends the browser to /authorize, which shows the hosted login page.</summary>
    public Task<IResponse?> StartAsync(string scope = "openid profile")
    {
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(_verifier)));
        return page.GotoAsync($"{baseUrl}/authorize?client_id={clientId}&response_type=code&scope={Uri.EscapeDataString(scope)}&state=app-state" +
            $"&redirect_uri={Uri.EscapeDataString(EndUsers.Callback)}&code_challenge={challenge}&code_challenge_method=S256");
    }

    /// <summary>Types the email and the test users' password on the login page.</summary>
    public async Task LogInWithPasswordAsync(string email)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>Waits for the application's page, then redeems the code it got; returns the ID token.</summary>
    public async Task<JwtSecurityToken> TokensAsync() =>
        new JwtSecurityTokenHandler().ReadJwtToken((await TokenResponseAsync()).GetProperty("id_token").GetString());

    /// <summary>Waits for the application's page, then redeems the code it got; returns <c>/oauth/token</c>'s answer.</summary>
    public async Task<JsonElement> TokenResponseAsync()
    {
        await Assertions.Expect(page.GetByText("the application")).ToBeVisibleAsync();
        var code = QueryHelpers.ParseQuery(Callback!.Query)["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code), Callback.ToString());
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var tokens = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["redirect_uri"] = EndUsers.Callback, ["code_verifier"] = _verifier,
        }));
        Assert.True(tokens.IsSuccessStatusCode, await tokens.Content.ReadAsStringAsync());
        return await tokens.Content.ReadFromJsonAsync<JsonElement>();
    }
}
