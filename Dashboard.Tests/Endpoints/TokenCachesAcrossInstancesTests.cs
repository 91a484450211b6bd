using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Store;
using Flowgate.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Flowgate.Tests.Endpoints;

/// <summary>
/// What a token request keeps between requests (the client it authenticates, its grant, an HS256 API's secret) never outlives a
/// change: at once on the instance that made it, within the caches' age on another instance on the same database.
/// </summary>
public sealed class TokenCachesAcrossInstancesTests(TokenCachesAcrossInstancesTests.Instances instances)
    : IClassFixture<TokenCachesAcrossInstancesTests.Instances>
{
    private readonly FlowgateApp _first = instances.Pair.First, _second = instances.Pair.Second;

    [Fact]
    public async Task A_secret_rotated_or_a_client_deleted_on_one_instance_stops_working_there_at_once_and_on_the_other_soon_after()
    {
        var credentials = await _first.CreateApplicationAsync();
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(_first, credentials)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(_second, credentials)).StatusCode);

        var rotated = await WithApplicationsAsync(_first, s => s.RotateSecretAsync(credentials.ClientId, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(_first, credentials)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(_first, credentials, rotated)).StatusCode);
        await Task.Delay(_second.Services.GetRequiredService<RecentApplications>().MaxAge);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(_second, credentials)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(_second, credentials, rotated)).StatusCode);

        await WithApplicationsAsync(_first, async s => { await s.DeleteAsync(credentials.ClientId, CancellationToken.None); return ""; });

        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(_first, credentials, rotated)).StatusCode);
        await Task.Delay(_second.Services.GetRequiredService<RecentApplications>().MaxAge);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(_second, credentials, rotated)).StatusCode);
    }

    [Fact]
    public async Task A_callback_removed_or_a_rename_on_one_instance_shows_there_at_once_and_on_the_other_soon_after()
    {
        var spa = await _first.CreateSpaAsync();
        var authorize = HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s1");
        Assert.Contains("My SPA", await LoginPageAsync(_first, authorize));
        Assert.Contains("My SPA", await LoginPageAsync(_second, authorize));

        await WithApplicationsAsync(_first, async s =>
        {
            await s.UpdateAsync(spa.ClientId, new ApplicationSettings { Name = "Renamed SPA", Callbacks = ["https://elsewhere.example.com/cb"] }, CancellationToken.None);
            return "";
        });

        Assert.StartsWith("/u/error?", await RefusedAtAsync(_first, authorize));
        Assert.Contains("Renamed SPA", await LoginPageAsync(_first, HostedLogin.AuthorizeUrl(spa.ClientId, HostedLogin.Verifier, "s2")
            .Replace(Uri.EscapeDataString(EndUsers.Callback), Uri.EscapeDataString("https://elsewhere.example.com/cb"))));
        await Task.Delay(_second.Services.GetRequiredService<RecentApplications>().MaxAge);
        Assert.StartsWith("/u/error?", await RefusedAtAsync(_second, authorize));
    }

    [Fact]
    public async Task An_hs256_secret_changed_on_one_instance_signs_there_at_once_and_on_the_other_soon_after()
    {
        var http = await _first.CreateManagementClientAsync();
        var audience = $"https://cached-{Guid.NewGuid():N}.example.com";
        var api = await (await http.PostAsJsonAsync("/api/v2/resource-servers", new
        {
            identifier = audience, signing_alg = "HS256", scopes = new[] { new { value = "read:a", description = "" } },
        })).JsonAsync(201);
        var before = api.GetProperty("signing_secret").GetString()!;
        var client = await _first.CreateApplicationAsync(management: false);
        (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = client.ClientId, audience, scope = new[] { "read:a" } })).EnsureSuccessStatusCode();
        Assert.True(SignedWith(await AccessTokenAsync(_first, client, audience), before));
        Assert.True(SignedWith(await AccessTokenAsync(_second, client, audience), before));

        var after = new string('n', 40);
        (await http.PatchAsJsonAsync($"/api/v2/resource-servers/{api.GetProperty("id").GetString()}", new { signing_secret = after })).EnsureSuccessStatusCode();

        Assert.True(SignedWith(await AccessTokenAsync(_first, client, audience), after));
        await Task.Delay(_second.Services.GetRequiredService<ApiSigningSecretCache>().MaxAge);
        var fromSecond = await AccessTokenAsync(_second, client, audience);
        Assert.True(SignedWith(fromSecond, after));
        Assert.False(SignedWith(fromSecond, before));
    }

    [Fact]
    public async Task A_client_grant_revoked_on_one_instance_stops_tokens_there_at_once_and_on_the_other_soon_after()
    {
        var http = await _first.CreateManagementClientAsync();
        var audience = $"https://granted-{Guid.NewGuid():N}.example.com";
        await (await http.PostAsJsonAsync("/api/v2/resource-servers", new { identifier = audience, scopes = new[] { new { value = "read:a", description = "" } } })).JsonAsync(201);
        var client = await _first.CreateApplicationAsync(management: false);
        var grant = await (await http.PostAsJsonAsync("/api/v2/client-grants", new { client_id = client.ClientId, audience, scope = new[] { "read:a" } })).JsonAsync(201);
        Assert.Equal(HttpStatusCode.OK, (await _first.CreateClient().RequestTokenAsync(client, audience)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _second.CreateClient().RequestTokenAsync(client, audience)).StatusCode);

        (await http.DeleteAsync($"/api/v2/client-grants/{grant.GetProperty("id").GetString()}")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.BadRequest, (await _first.CreateClient().RequestTokenAsync(client, audience)).StatusCode);
        await Task.Delay(_second.Services.GetRequiredService<ClientGrantCache>().MaxAge);
        Assert.Equal(HttpStatusCode.BadRequest, (await _second.CreateClient().RequestTokenAsync(client, audience)).StatusCode);
    }

    private static Task<HttpResponseMessage> TokenAsync(FlowgateApp instance, ApplicationCredentials credentials, string? secret = null) =>
        instance.CreateClient().RequestTokenAsync(credentials, instance.ManagementAudience, secret: secret);

    // Where /authorize sends the browser: the hosted error page when the callback is not the application's.
    private static async Task<string> RefusedAtAsync(FlowgateApp instance, string authorize) =>
        (await instance.CreateBrowserClient().GetAsync(authorize)).Headers.Location!.OriginalString;

    // The hosted login page /authorize sends the browser to, as the user sees it.
    private static async Task<string> LoginPageAsync(FlowgateApp instance, string authorize)
    {
        var http = instance.CreateBrowserClient();
        var login = await http.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return await http.GetStringAsync(login.Headers.Location);
    }

    private static async Task<string> AccessTokenAsync(FlowgateApp instance, ApplicationCredentials credentials, string audience) =>
        (await (await instance.CreateClient().RequestTokenAsync(credentials, audience)).JsonAsync()).GetProperty("access_token").GetString()!;

    private static async Task<string> WithApplicationsAsync(FlowgateApp instance, Func<ApplicationService, Task<string>> change)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<ApplicationService>());
    }

    private static bool SignedWith(string token, string secret)
    {
        try
        {
            new JwtSecurityTokenHandler().ValidateToken(token, new TokenValidationParameters
            {
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
                ValidateIssuer = false, ValidateAudience = false,
            }, out _);
            return true;
        }
        catch (SecurityTokenException)
        {
            return false;
        }
    }

    /// <summary>Two instances on one SQLite database, shared by this class's tests.</summary>
    public sealed class Instances : IDisposable
    {
        public TwoInstances Pair { get; } = new(DatabaseProvider.Sqlite, new Dictionary<string, string>());

        public void Dispose() => Pair.Dispose();
    }
}
