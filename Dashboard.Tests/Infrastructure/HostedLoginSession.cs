using System.Buffers.Text;
using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Flowgate.Tests.Infrastructure;

/// <summary>
/// A browser-like client logging an end user in to the SPA through /authorize, the hosted page and PKCE, with
/// a verifier of its own (so parallel sessions never share one); <see cref="HostedLogin"/> has the steps.
/// </summary>
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
    public Task<HttpResponseMessage> AuthorizeAsync(string clientId) => Http.GetAsync(HostedLogin.AuthorizeUrl(clientId, _verifier, "app-state"));

    /// <summary>Redeems the code with this session's verifier; returns the ID token.</summary>
    public Task<JwtSecurityToken> ExchangeAsync(string clientId, string code) => Http.ExchangeCodeAsync(clientId, code, _verifier);
}
