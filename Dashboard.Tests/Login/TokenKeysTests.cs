using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
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
        var (_, http, tokens) = await _app.LogInOfflineAsync(spa.ClientId);
        var refreshed = await http.RefreshAsync(spa.ClientId, tokens);

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
}
