using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Flowgate.Runtime.Identity;
using Flowgate.Tests.Infrastructure;
using Flowgate.Tests.Runtime.Sandbox;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flowgate.Tests.Browser;

/// <summary>
/// The seeds' login tutorial from the outside, in Chromium: a SPA-style client sends the browser to
/// /authorize, the user logs in on the hosted page, and the flow's Actions shape the outcome.
/// </summary>
public sealed class HostedLoginTutorialTests : IClassFixture<Infrastructure.Browser>
{
    private const string Verifier = "a-code-verifier-long-enough-for-pkce-0123456789";
    private readonly IBrowser _browser;

    public HostedLoginTutorialTests(Infrastructure.Browser browser) => _browser = browser.Instance;

    [Fact]
    public async Task Roles_become_claims_a_deny_reaches_the_app_and_a_redirect_completes_after_continue()
    {
        using var app = KestrelApp.Start();
        var spa = await app.CreateSpaAsync();
        var admin = await CreateAdminAsync(app);

        await app.DeployFlowAsync("post-login", ("roles to claims", """
            exports.onExecutePostLogin = async (event, api) => {
              const namespace = 'https://my-app.example.com';
              if (event.authorization) {
                api.idToken.setCustomClaim(`${namespace}/roles`, event.authorization.roles);
                api.accessToken.setCustomClaim(`${namespace}/roles`, event.authorization.roles);
              }
            };
            """));
        var callback = await LogInAsync(app, spa.ClientId, admin.Email!);
        var idToken = await ExchangeAsync(app, spa.ClientId, QueryHelpers.ParseQuery(callback.Query)["code"].ToString());
        Assert.Equal("Admin", idToken.Claims.Single(c => c.Type == "https://my-app.example.com/roles").Value);

        await app.DeployFlowAsync("post-login", ("deny", """
            exports.onExecutePostLogin = async (event, api) => { api.access.deny(`Access to ${event.client.name} is not allowed.`); };
            """));
        var denied = QueryHelpers.ParseQuery((await LogInAsync(app, spa.ClientId, admin.Email!)).Query);
        Assert.Equal("access_denied", denied["error"].ToString());
        Assert.Equal("Access to My SPA is not allowed.", denied["error_description"].ToString());

        await app.DeployFlowAsync("post-login", ("consent", """
            exports.onExecutePostLogin = async (event, api) => { api.redirect.sendUserTo('https://consent.example.com/ask'); };
            exports.onContinuePostLogin = async (event, api) => {
              const answer = api.redirect.validateToken({ secret: 'shared secret' });
              api.idToken.setCustomClaim('https://my-app.example.com/consent', answer.consent);
            };
            """));
        var afterConsent = await LogInAsync(app, spa.ClientId, admin.Email!, consentFor: admin.Id);
        var consentToken = await ExchangeAsync(app, spa.ClientId, QueryHelpers.ParseQuery(afterConsent.Query)["code"].ToString());
        Assert.Equal("yes", consentToken.Claims.Single(c => c.Type == "https://my-app.example.com/consent").Value);
    }

    // A fresh browser each time: the app's callback and the consent site are answered by the test.
    private async Task<Uri> LogInAsync(FlowgateApp app, string clientId, string email, string? consentFor = null)
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        Uri? reached = null;
        await page.RouteAsync(EndUsers.Callback + "**", route =>
        {
            reached = new Uri(route.Request.Url);
            return route.FulfillAsync(new() { Body = "the application" });
        });
        await page.RouteAsync("https://consent.example.com/**", route =>
        {
            // The consent site signs its answer and sends the browser back to /continue with the state it was given.
            var state = QueryHelpers.ParseQuery(new Uri(route.Request.Url).Query)["state"].ToString();
            var token = SessionTokens.Sign("shared secret", new { sub = consentFor, iss = "127.0.0.1", exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(), state, consent = "yes" });
            // A page that navigates on (not a 302: Playwright does not route the redirects of a fulfilled response).
            return route.FulfillAsync(new()
            {
                ContentType = "text/html",
                Body = $"<p>Consent given</p><script>location.href = '{app.BaseUrl()}/continue?state={state}&session_token={token}';</script>",
            });
        });
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await page.GotoAsync($"{app.BaseUrl()}/authorize?client_id={clientId}&response_type=code&scope=openid%20profile&state=spa-state" +
            $"&redirect_uri={Uri.EscapeDataString(EndUsers.Callback)}&code_challenge={challenge}&code_challenge_method=S256");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "correct horse battery");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByText("the application")).ToBeVisibleAsync();
        return reached!;
    }

    private static async Task<JwtSecurityToken> ExchangeAsync(FlowgateApp app, string clientId, string code)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl()) };
        var tokens = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["redirect_uri"] = EndUsers.Callback, ["code_verifier"] = Verifier,
        }));
        Assert.True(tokens.IsSuccessStatusCode, await tokens.Content.ReadAsStringAsync());
        return new JwtSecurityTokenHandler().ReadJwtToken((await tokens.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id_token").GetString());
    }

    private static async Task<TenantUser> CreateAdminAsync(FlowgateApp app)
    {
        var admin = await app.CreateUserAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleManager<TenantRole>>().CreateAsync(new TenantRole { Name = "Admin" });
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
        await users.AddToRoleAsync((await users.FindByIdAsync(admin.Id))!, "Admin");
        return admin;
    }
}
