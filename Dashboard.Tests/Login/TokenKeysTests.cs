using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Tests.Login;

/// <summary>
/// Every token that leaves the server verifies from the JWKS, which lists RSA keys only; codes and refresh tokens, which
/// only the server reads back, are sealed with its internal key (AES key wrap), which no endpoint ever shows.
/// </summary>
public sealed class TokenKeysTests(FlowgateAppFixture fixture) : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app = fixture.App;

    [Fact]
    public async Task Issued_tokens_verify_from_the_jwks_while_codes_and_refresh_tokens_are_sealed_with_the_internal_key()
    {
        var spa = await _app.CreateSpaAsync();
        var user = await _app.CreateUserAsync();
        var http = _app.CreateBrowserClient();
        var url = HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s1").Replace("scope=openid%20profile%20email", "scope=openid%20profile%20email%20offline_access");
        var code = QueryHelpers.ParseQuery((await http.LogInAtAsync(url, user.Email!)).Query)["code"].ToString();
        var tokens = await RedeemAsync(http, new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = spa.ClientId, ["code"] = code,
            ["redirect_uri"] = EndUsers.Callback, ["code_verifier"] = HostedLogin.Verifier,
        });
        var refreshed = await RedeemAsync(http, new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = spa.ClientId, ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        });

        var jwks = new JsonWebKeySet(await http.GetStringAsync("/.well-known/jwks.json"));
        Assert.All(jwks.Keys, key => Assert.Equal("RSA", key.Kty));
        var discovery = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal(["RS256"], discovery.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()));
        foreach (var issued in new[] { tokens, refreshed })
            foreach (var name in new[] { "access_token", "id_token" })
            {
                var header = new JwtSecurityTokenHandler().ReadJwtToken(issued.GetProperty(name).GetString()).Header;
                Assert.Equal("RS256", header.Alg);
                Assert.Contains(jwks.Keys, key => key.Kid == header.Kid);
            }
        // The code is a reference: what it stands for is kept, sealed, in the database.
        foreach (var sealedToken in new[] { await StoredCodeAsync(spa.ClientId), tokens.GetProperty("refresh_token").GetString()!, refreshed.GetProperty("refresh_token").GetString()! })
        {
            var header = JsonDocument.Parse(Base64UrlEncoder.Decode(sealedToken.Split('.')[0])).RootElement;
            Assert.Equal("A256KW", header.GetProperty("alg").GetString());
            Assert.DoesNotContain(jwks.Keys, key => key.Kid == header.GetProperty("kid").GetString());
        }
    }

    private async Task<string> StoredCodeAsync(string clientId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowgateDbContext>();
        return await db.Set<FlowgateToken>().Where(t => t.Application!.ClientId == clientId && t.Type == TokenTypeIdentifiers.Private.AuthorizationCode)
            .Select(t => t.Payload!).SingleAsync();
    }

    private static async Task<JsonElement> RedeemAsync(HttpClient http, Dictionary<string, string> form)
    {
        var response = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(form));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
