using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Keys;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>
/// <c>POST /users/{id}/identities</c> with <c>link_with</c>: only an ID token this tenant issued to one of its
/// applications, unexpired, names the user to link; anything else is refused with a 400 that says why, and links nothing.
/// </summary>
public sealed class LinkWithTokenTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task The_users_id_token_from_a_login_links_that_database_user()
    {
        await _app.DeployFlowAsync("post-login");
        var spa = await _app.CreateSpaAsync();
        var (primary, secondary) = (await _app.CreateUserAsync(), await _app.CreateUserAsync());
        var tokens = await LogInAsync(spa.ClientId, secondary.Email!);
        var http = await _app.CreateManagementClientAsync();

        // The access token of the same login names the same user, but it is no ID token.
        await (await LinkWithAsync(http, primary.Id, tokens.GetProperty("access_token").GetString()!)).AssertErrorAsync(400, "it is not an ID token");
        var linked = await (await LinkWithAsync(http, primary.Id, tokens.GetProperty("id_token").GetString()!)).JsonAsync(201);

        Assert.Contains(secondary.Email, linked.EnumerateArray().Select(i => i.TryGetProperty("profileData", out var p) ? p.GetProperty("email").GetString() : null));
    }

    [Theory]
    [InlineData("expired", "it has expired")]
    [InlineData("other issuer", "it was issued by another issuer")]
    [InlineData("other tenant's keys", "it is not signed with this tenant's keys")]
    [InlineData("unknown application", "it was not issued to an application of this tenant")]
    [InlineData("access token", "it is not an ID token")]
    public async Task A_token_that_is_not_this_tenants_id_token_for_its_application_is_refused_with_the_reason(string flaw, string reason)
    {
        var spa = await _app.CreateSpaAsync();
        var (primary, secondary) = (await _app.CreateUserAsync(), await _app.CreateUserAsync());
        var http = await _app.CreateManagementClientAsync();

        await (await LinkWithAsync(http, primary.Id, Mint(secondary.Id, spa.ClientId, flaw))).AssertErrorAsync(400, reason);

        Assert.Single((await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v2/users/{Uri.EscapeDataString(primary.Id)}")).GetProperty("identities").EnumerateArray());
        // The same token without the flaw links: the refusal was for that flaw alone.
        (await LinkWithAsync(http, primary.Id, Mint(secondary.Id, spa.ClientId, "none"))).EnsureSuccessStatusCode();
    }

    // An ID token as this tenant signs them, with one flaw.
    private string Mint(string subject, string clientId, string flaw)
    {
        var issuer = _app.Services.GetRequiredService<IssuerResolver>().Resolve();
        SecurityKey key = flaw == "other tenant's keys"
            ? new RsaSecurityKey(RSA.Create(2048)) { KeyId = "another-tenant" }
            : _app.Services.GetRequiredService<ServerKeyRing>().GetOrCreate(ServerKeyUse.Signing)[0];
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = flaw == "other issuer" ? "https://login.other.example/" : issuer,
            Audience = flaw == "unknown application" ? "no-such-client" : clientId,
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            IssuedAt = now.AddHours(-2), NotBefore = now.AddHours(-2),
            Expires = flaw == "expired" ? now.AddHours(-1) : now.AddHours(1),
            TokenType = flaw == "access token" ? "at+jwt" : "JWT",
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task<System.Text.Json.JsonElement> LogInAsync(string clientId, string email)
    {
        var browser = _app.CreateBrowserClient();
        var code = QueryHelpers.ParseQuery((await browser.LogInAsync(clientId, email)).Query)["code"].ToString();
        return await browser.RedeemCodeAsync(clientId, code);
    }

    private static Task<HttpResponseMessage> LinkWithAsync(HttpClient http, string primaryId, string token) =>
        http.PostAsJsonAsync($"/api/v2/users/{Uri.EscapeDataString(primaryId)}/identities", new { link_with = token });
}
