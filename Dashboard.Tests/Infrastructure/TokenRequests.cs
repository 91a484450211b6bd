using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Flowgate.Tests.Infrastructure;

/// <summary>The SPA's requests to <c>/oauth/token</c> (code with its PKCE verifier, refresh) and <c>/userinfo</c>, answered as JSON; and a JWT's payload.</summary>
internal static class TokenRequests
{
    public static async Task<JsonElement> RedeemCodeAsync(this HttpClient http, string clientId, string code, string? verifier = null) =>
        await (await http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code,
            ["redirect_uri"] = EndUsers.Callback, ["code_verifier"] = verifier ?? HostedLogin.Verifier,
        }))).JsonAsync();

    public static async Task<JsonElement> RefreshAsync(this HttpClient http, string clientId, JsonElement tokens) =>
        await (await http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        }))).JsonAsync();

    /// <summary><c>/userinfo</c> with the access token of <paramref name="tokens"/>.</summary>
    public static async Task<JsonElement> UserInfoAsync(this HttpClient http, JsonElement tokens)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        return await (await http.SendAsync(request)).JsonAsync();
    }

    /// <summary>What a resource server reads in a JWT (its signature is the server's to check, not the test's).</summary>
    public static JsonElement Payload(string jwt) => JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement;
}
