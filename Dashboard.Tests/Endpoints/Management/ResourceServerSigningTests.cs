using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Flowgate.Tests.Endpoints.Management;

/// <summary>
/// Auth0's <c>signing_alg</c> on an API: HS256 APIs get a secret (generated, or given) and their access tokens are signed
/// with it, so they verify with the secret and not with the tenant's JWKS; RS256 APIs keep the JWKS.
/// </summary>
public sealed class ResourceServerSigningTests : IClassFixture<FlowgateAppFixture>
{
    private readonly FlowgateApp _app;

    public ResourceServerSigningTests(FlowgateAppFixture fixture) => _app = fixture.App;

    [Fact]
    public async Task Hs256_makes_a_secret_returned_with_the_api_and_encrypted_at_rest_and_a_given_secret_is_kept()
    {
        var http = await _app.CreateManagementClientAsync();
        var created = await (await http.PostAsJsonAsync("/api/v2/resource-servers", new { identifier = Identifier(), signing_alg = "HS256" })).JsonAsync(201);
        var id = created.GetProperty("id").GetString()!;
        var generated = created.GetProperty("signing_secret").GetString()!;
        var read = await http.GetFromJsonAsync<JsonElement>($"/api/v2/resource-servers/{id}");
        var given = new string('k', 40);
        var changed = await (await http.PatchAsJsonAsync($"/api/v2/resource-servers/{id}", new { signing_secret = given })).JsonAsync();
        var rs256 = await (await http.PostAsJsonAsync("/api/v2/resource-servers", new { identifier = Identifier(), signing_alg = "RS256" })).JsonAsync(201);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<FlowgateDbContext>>().CreateDbContextAsync();
        var stored = await db.ResourceServers.Where(r => r.Id == id).Select(r => r.ProtectedSigningSecret).SingleAsync();

        Assert.Equal("HS256", created.GetProperty("signing_alg").GetString());
        Assert.True(generated.Length >= 32, generated);
        Assert.Equal(generated, read.GetProperty("signing_secret").GetString());
        Assert.Equal(given, changed.GetProperty("signing_secret").GetString());
        Assert.DoesNotContain(given, stored);
        Assert.Equal("RS256", rs256.GetProperty("signing_alg").GetString());
        Assert.False(rs256.TryGetProperty("signing_secret", out _));
        await (await http.PatchAsJsonAsync($"/api/v2/resource-servers/{id}", new { signing_secret = "short" })).AssertErrorAsync(400, "'signing_secret' must be at least 32");
        await (await http.PatchAsJsonAsync($"/api/v2/resource-servers/{id}", new { signing_alg = "PS256" })).AssertErrorAsync(400, "'signing_alg' must be");
    }

    [Fact]
    public async Task A_client_credentials_token_for_an_hs256_api_verifies_with_its_secret_and_not_with_the_jwks()
    {
        var (audience, secret) = await CreateHs256ApiAsync();
        var app = await _app.CreateApplicationAsync(management: false);
        var http = await _app.CreateManagementClientAsync();
        (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = app.ClientId, audience, scope = new[] { "read:a" } })).EnsureSuccessStatusCode();

        var token = await AccessTokenAsync(await _app.CreateClient().RequestTokenAsync(app, audience));
        var header = new JwtSecurityTokenHandler().ReadJwtToken(token).Header;
        var jwks = await JwksAsync();

        Assert.Equal("HS256", header.Alg);
        Assert.False(header.ContainsKey("kid"));
        Assert.Equal(audience, Validate(token, new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret))).Audiences.Single());
        Assert.ThrowsAny<SecurityTokenException>(() => Validate(token, [.. jwks]));
    }

    [Fact]
    public async Task A_client_credentials_token_for_an_rs256_api_still_verifies_with_the_jwks()
    {
        var http = await _app.CreateManagementClientAsync();
        var audience = Identifier();
        await (await http.PostAsJsonAsync("/api/v2/resource-servers", new { identifier = audience, scopes = new[] { new { value = "read:a", description = "" } } })).JsonAsync(201);
        var app = await _app.CreateApplicationAsync(management: false);
        (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = app.ClientId, audience, scope = new[] { "read:a" } })).EnsureSuccessStatusCode();

        var token = await AccessTokenAsync(await _app.CreateClient().RequestTokenAsync(app, audience));

        Assert.Equal("RS256", new JwtSecurityTokenHandler().ReadJwtToken(token).Header.Alg);
        Assert.Equal(audience, Validate(token, [.. (await JwksAsync())]).Audiences.Single());
    }

    private async Task<(string Audience, string Secret)> CreateHs256ApiAsync()
    {
        var http = await _app.CreateManagementClientAsync();
        var audience = Identifier();
        var api = await (await http.PostAsJsonAsync("/api/v2/resource-servers", new
        {
            identifier = audience, signing_alg = "HS256", scopes = new[] { new { value = "read:a", description = "" } },
        })).JsonAsync(201);
        return (audience, api.GetProperty("signing_secret").GetString()!);
    }

    private async Task<IList<SecurityKey>> JwksAsync() =>
        new JsonWebKeySet(await _app.CreateClient().GetStringAsync("/.well-known/jwks.json")).GetSigningKeys();

    private static async Task<string> AccessTokenAsync(HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("access_token").GetString()!;

    private static JwtSecurityToken Validate(string token, params SecurityKey[] keys)
    {
        new JwtSecurityTokenHandler().ValidateToken(token, new TokenValidationParameters
        {
            IssuerSigningKeys = keys, ValidateIssuer = false, ValidateAudience = false, ValidateLifetime = true,
        }, out var validated);
        return (JwtSecurityToken)validated;
    }

    private static string Identifier() => $"https://signed-{Guid.NewGuid():N}.example.com";
}
