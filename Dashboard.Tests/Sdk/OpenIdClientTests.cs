using System.Text.Json;
using Flowgate.Tests.Infrastructure;

namespace Flowgate.Tests.Sdk;

/// <summary>
/// openid-client (npm, panva's OpenID Certified relying party library, pinned in <c>Sdk/package-lock.json</c>) logs in to
/// Flowgate as a SPA, unchanged: discovery, PKCE, state and nonce, the ID token checked against the JWKS, userinfo.
/// </summary>
public sealed class OpenIdClientTests
{
    [Fact]
    public async Task The_library_discovers_Flowgate_logs_in_validates_the_ID_token_and_reads_userinfo()
    {
        using var login = await Login.StartAsync();
        var user = await login.App.CreateUserAsync();
        var callback = await login.LogInAsync(user.Email!);

        var result = await login.CallbackAsync(callback);

        Assert.False(result.TryGetProperty("rejected", out var rejected), rejected.ToString());
        var claims = result.GetProperty("claims");
        Assert.Equal(user.Id, claims.GetProperty("sub").GetString());
        Assert.Equal(login.Issuer, claims.GetProperty("iss").GetString());
        Assert.Equal(login.ClientId, claims.GetProperty("aud").ToString());
        Assert.Equal(login.Nonce, claims.GetProperty("nonce").GetString());
        Assert.Equal(user.Email, claims.GetProperty("email").GetString());
        var userinfo = result.GetProperty("userinfo");
        Assert.Equal(user.Id, userinfo.GetProperty("sub").GetString());
        Assert.Equal(user.Email, userinfo.GetProperty("email").GetString());
    }

    [Fact]
    public async Task The_library_rejects_a_callback_whose_state_or_ID_token_nonce_is_not_what_it_sent()
    {
        using var login = await Login.StartAsync();
        var callback = await login.LogInAsync((await login.App.CreateUserAsync()).Email!);

        // The state is checked before the code is redeemed, so the same callback can then be tried with the wrong nonce.
        var wrongState = await login.CallbackAsync(callback, state: "not-the-state-sent");
        var wrongNonce = await login.CallbackAsync(callback, nonce: "not-the-nonce-sent");

        Assert.Equal("OAUTH_INVALID_RESPONSE", wrongState.GetProperty("rejected").GetProperty("code").GetString());
        Assert.Equal("unexpected \"state\" response parameter value", wrongState.GetProperty("rejected").GetProperty("cause").GetString());
        Assert.Equal("OAUTH_JWT_CLAIM_COMPARISON_FAILED", wrongNonce.GetProperty("rejected").GetProperty("code").GetString());
        Assert.Equal("unexpected ID Token \"nonce\" claim value", wrongNonce.GetProperty("rejected").GetProperty("cause").GetString());
    }

    /// <summary>Flowgate over real TLS, a SPA and the library's authorization request (with its verifier, state and nonce).</summary>
    private sealed class Login : IDisposable
    {
        private readonly LoopbackCertificates _certificates;
        private readonly Dictionary<string, string> _environment;
        private readonly JsonElement _request;

        private Login(LoopbackCertificates certificates, FlowgateApp app, string clientId, Dictionary<string, string> environment, JsonElement request)
        {
            (_certificates, App, ClientId, _environment, _request) = (certificates, app, clientId, environment, request);
        }

        public FlowgateApp App { get; }
        public string ClientId { get; }
        public string Issuer => App.BaseUrl() + "/";
        public string Nonce => _request.GetProperty("nonce").GetString()!;

        public static async Task<Login> StartAsync()
        {
            var certificates = new LoopbackCertificates();
            var app = KestrelApp.StartHttps(certificates.Server);
            var spa = await app.CreateSpaAsync();
            var environment = new Dictionary<string, string>
            {
                ["ISSUER"] = app.BaseUrl() + "/",
                ["CLIENT_ID"] = spa.ClientId,
                ["REDIRECT_URI"] = EndUsers.Callback,
                // The library speaks only https; Node trusts the test authority.
                ["NODE_EXTRA_CA_CERTS"] = certificates.WriteAuthorityPem(),
            };
            var request = await RunAsync(new(environment) { ["STEP"] = "authorize" });
            return new Login(certificates, app, spa.ClientId, environment, request);
        }

        /// <summary>An end user follows the library's URL through the hosted login page; returns the callback.</summary>
        public Task<Uri> LogInAsync(string email) =>
            _certificates.CreateBrowserClient(new Uri(App.BaseUrl())).LogInAtAsync(_request.GetProperty("url").GetString()!, email);

        /// <summary>The library redeems <paramref name="callback"/>, expecting the state and nonce it sent unless told otherwise.</summary>
        public Task<JsonElement> CallbackAsync(Uri callback, string? state = null, string? nonce = null) => RunAsync(new(_environment)
        {
            ["STEP"] = "callback",
            ["CALLBACK_URL"] = callback.ToString(),
            ["VERIFIER"] = _request.GetProperty("verifier").GetString()!,
            ["STATE"] = state ?? _request.GetProperty("state").GetString()!,
            ["NONCE"] = nonce ?? Nonce,
        });

        private static async Task<JsonElement> RunAsync(Dictionary<string, string> environment)
        {
            var (exitCode, stdout, stderr) = await NodeSdk.RunAsync("oidc-login.mjs", environment);
            Assert.True(exitCode == 0, $"oidc-login.mjs failed:\n{stderr}");
            return JsonDocument.Parse(stdout).RootElement;
        }

        public void Dispose()
        {
            App.Dispose();
            _certificates.Dispose();
        }
    }
}
