using System.Buffers.Text;
using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Flowgate.Tests.Infrastructure;

/// <summary>A browser-like client logging an end user in to the SPA through /authorize, the hosted page and PKCE.</summary>
internal sealed class HostedLoginSession(FlowgateApp app)
{
    private readonly string _verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Keeps cookies, does not follow redirects: each hop is the test's to look at.</summary>
    public HttpClient Http { get; } = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Starts the login and submits the password; returns <c>/authorize</c>'s answer (to the app, or elsewhere).</summary>
    public async Task<HttpResponseMessage> LogInAsync(string clientId, string email, string password = "correct horse battery")
    {
        var login = await AuthorizeAsync(clientId);
        var loggedIn = await HtmlForm.SubmitAsync(Http, login.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password,
        });
        return await Http.GetAsync(loggedIn.Headers.Location);
    }

    /// <summary>The application sends the browser to <c>/authorize</c> (again, with whatever cookies it has).</summary>
    public Task<HttpResponseMessage> AuthorizeAsync(string clientId)
    {
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(_verifier)));
        return Http.GetAsync($"/authorize?client_id={clientId}&response_type=code&scope=openid%20profile%20email" +
            $"&redirect_uri={Uri.EscapeDataString(EndUsers.Callback)}&state=app-state&code_challenge={challenge}&code_challenge_method=S256");
    }

    /// <summary>Redeems the code with the verifier; returns the ID token.</summary>
    public async Task<JwtSecurityToken> ExchangeAsync(string clientId, string code)
    {
        var tokens = await Http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code,
            ["redirect_uri"] = EndUsers.Callback, ["code_verifier"] = _verifier,
        }));
        Assert.True(tokens.IsSuccessStatusCode, await tokens.Content.ReadAsStringAsync());
        return new JwtSecurityTokenHandler().ReadJwtToken((await tokens.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id_token").GetString());
    }
}
