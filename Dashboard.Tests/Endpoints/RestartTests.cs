using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Admin;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Endpoints;

public sealed class RestartTests
{
    [Fact]
    public async Task A_restart_keeps_signing_keys_admins_applications_and_refresh_tokens()
    {
        string token, kid, refreshToken, spaId;
        string databasePath;
        using (var first = new FlowgateApp())
        {
            databasePath = first.DatabasePath;
            var http = first.CreateClient();
            var credentials = await first.CreateApplicationAsync();
            var response = await http.RequestTokenAsync(credentials, first.ManagementAudience);
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
            kid = await SigningKeyIdAsync(http);
            var admins = first.Services.GetRequiredService<AdminAccountService>();
            Assert.True((await admins.CreateAsync("ops@example.com", "correct horse battery", CancellationToken.None)).Succeeded);
            (spaId, refreshToken) = await LogInWithRefreshTokenAsync(first);
        }

        using var second = new FlowgateApp(databasePath);
        var client = second.CreateClient();
        Assert.Equal(kid, await SigningKeyIdAsync(client));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v2/resource-servers")).StatusCode);
        var signIn = await second.Services.GetRequiredService<AdminAccountService>()
            .CheckPasswordAsync("ops@example.com", "correct horse battery", CancellationToken.None);
        Assert.Equal(AdminSignInStatus.Succeeded, signIn.Status);
        // Sealed with the internal key, kept in the database as the RSA keys are.
        var refreshed = await client.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = spaId, ["refresh_token"] = refreshToken,
        }));
        Assert.True(refreshed.IsSuccessStatusCode, await refreshed.Content.ReadAsStringAsync());
    }

    private static async Task<(string ClientId, string RefreshToken)> LogInWithRefreshTokenAsync(FlowgateApp app)
    {
        var spa = await app.CreateSpaAsync();
        var (_, _, tokens) = await app.LogInOfflineAsync(spa.ClientId);
        return (spa.ClientId, tokens.GetProperty("refresh_token").GetString()!);
    }

    private static async Task<string> SigningKeyIdAsync(HttpClient http)
    {
        var jwks = await http.GetFromJsonAsync<JsonElement>("/.well-known/jwks.json");
        return jwks.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("use").GetString() == "sig").GetProperty("kid").GetString()!;
    }
}
