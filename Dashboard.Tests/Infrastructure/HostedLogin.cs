using System.Buffers.Text;
using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Flowgate.Runtime.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Tests.Infrastructure;

/// <summary>An end user logging in at <c>/authorize</c> through the hosted login page, as a browser posting its forms would.</summary>
internal static class HostedLogin
{
    /// <summary>The PKCE verifier every login here uses (exchange the code with it).</summary>
    public static readonly string Verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A client with its own cookie jar that does not follow redirects, so each step can be checked.</summary>
    public static HttpClient CreateBrowserClient(this FlowgateApp app)
    {
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        http.Timeout = TimeSpan.FromSeconds(60);
        return http;
    }

    /// <summary>Logs in with <see cref="EndUsers"/>' password; returns where <c>/authorize</c> finally sends the browser (the callback).</summary>
    public static Task<Uri> LogInAsync(this FlowgateApp app, string clientId, string email) => app.CreateBrowserClient().LogInAsync(clientId, email);

    /// <summary>The same with a client of the caller's (cookies kept, redirects not followed).</summary>
    public static Task<Uri> LogInAsync(this HttpClient http, string clientId, string email) =>
        http.LogInAtAsync(AuthorizeUrl(clientId, Verifier, "s1"), email);

    /// <summary>The SPA's <c>/authorize</c> request: code flow with PKCE (S256) for <paramref name="verifier"/>.</summary>
    public static string AuthorizeUrl(string clientId, string verifier, string state)
    {
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return $"/authorize?client_id={clientId}&response_type=code&scope=openid%20profile%20email" +
            $"&redirect_uri={Uri.EscapeDataString(EndUsers.Callback)}&state={state}&code_challenge={challenge}&code_challenge_method=S256";
    }

    /// <summary>The same from an <c>/authorize</c> request an application built (<paramref name="authorizeUrl"/>).</summary>
    public static async Task<Uri> LogInAtAsync(this HttpClient http, string authorizeUrl, string email)
    {
        var login = await http.GetAsync(authorizeUrl);
        var loggedIn = await HtmlForm.SubmitAsync(http, login.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "correct horse battery",
        });
        var callback = await http.GetAsync(loggedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return callback.Headers.Location!;
    }

    /// <summary>Redeems the code with <paramref name="verifier"/> (<see cref="Verifier"/> by default); returns the ID token.</summary>
    public static async Task<JwtSecurityToken> ExchangeCodeAsync(this HttpClient http, string clientId, string code, string? verifier = null)
    {
        var tokens = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code,
            ["redirect_uri"] = EndUsers.Callback, ["code_verifier"] = verifier ?? Verifier,
        }));
        Assert.True(tokens.IsSuccessStatusCode, await tokens.Content.ReadAsStringAsync());
        return new JwtSecurityTokenHandler().ReadJwtToken((await tokens.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id_token").GetString());
    }

    /// <summary>The SPA's <c>/authorize</c> request with <c>offline_access</c>: its code also redeems for a refresh token.</summary>
    public static string OfflineAuthorizeUrl(string clientId) =>
        AuthorizeUrl(clientId, Verifier, "s1").Replace("scope=openid%20profile%20email", "scope=openid%20profile%20email%20offline_access");

    /// <summary>A new user's password login with <c>offline_access</c> to <paramref name="clientId"/>; returns the code's tokens.</summary>
    public static async Task<(TenantUser User, HttpClient Http, JsonElement Tokens)> LogInOfflineAsync(this FlowgateApp app, string clientId)
    {
        var user = await app.CreateUserAsync();
        var http = app.CreateBrowserClient();
        var code = QueryHelpers.ParseQuery((await http.LogInAtAsync(OfflineAuthorizeUrl(clientId), user.Email!)).Query)["code"].ToString();
        return (user, http, await http.RedeemCodeAsync(clientId, code));
    }
}
