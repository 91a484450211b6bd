using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Flowgate.Bench.Requests;

/// <summary>What the whole-request bench sets up through the Management API, as an operator would: Actions, a user, a SPA.</summary>
internal sealed class BenchTenant(HttpClient management, Uri address)
{
    public const string Password = "correct horse battery staple";
    public const string Callback = "https://app.example.com/callback";

    /// <summary>An HttpClient with a Management API token obtained by the client credentials grant.</summary>
    public static async Task<BenchTenant> ConnectAsync(Uri address, string clientId, string clientSecret)
    {
        var http = new HttpClient { BaseAddress = address };
        var response = await http.PostAsync("oauth/token", GrantForm(clientId, clientSecret, ManagementAudience(address)));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new BenchTenant(http, address);
    }

    public static string ManagementAudience(Uri address) => address + "api/v2/";

    public static FormUrlEncodedContent GrantForm(string clientId, string clientSecret, string audience) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret, ["audience"] = audience,
    });

    /// <summary>Deploys <paramref name="count"/> one-line credentials-exchange Actions, each with a secret; returns their names.</summary>
    public async Task<IReadOnlyList<string>> DeployCredentialsExchangeActionsAsync(int count)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = $"claim {i}";
            var response = await management.PostAsJsonAsync("api/v2/actions/actions", new
            {
                name,
                supported_triggers = new[] { new { id = "credentials-exchange", version = "v2" } },
                code = $"exports.onExecuteCredentialsExchange = async (event, api) => {{ api.accessToken.setCustomClaim('https://example.com/c{i}', event.secrets.TENANT); }};",
                secrets = new[] { new { name = "TENANT", value = "acme-" + i } },
                deploy = true,
            });
            await EnsureAsync(response);
            names.Add(name);
        }
        return names;
    }

    /// <summary>Replaces the credentials-exchange flow with these Actions (none: an empty flow).</summary>
    public async Task BindAsync(IReadOnlyList<string> names) => await EnsureAsync(await management.PatchAsJsonAsync(
        "api/v2/actions/triggers/credentials-exchange/bindings",
        new { bindings = names.Select(n => new { @ref = new { type = "action_name", value = n }, display_name = n }) }));

    /// <summary>Deploys a post-login Action that sets an ID token claim and binds it alone to the post-login flow.</summary>
    public async Task BindPostLoginActionAsync()
    {
        await EnsureAsync(await management.PostAsJsonAsync("api/v2/actions/actions", new
        {
            name = "seen",
            supported_triggers = new[] { new { id = "post-login", version = "v3" } },
            code = "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://example.com/seen', event.user.email); };",
            deploy = true,
        }));
        await EnsureAsync(await management.PatchAsJsonAsync("api/v2/actions/triggers/post-login/bindings",
            new { bindings = new[] { new { @ref = new { type = "action_name", value = "seen" }, display_name = "seen" } } }));
    }

    /// <summary>A database user with <see cref="Password"/>; returns the email.</summary>
    public async Task<string> CreateUserAsync()
    {
        var email = $"bench-{Guid.NewGuid():N}@example.com";
        await EnsureAsync(await management.PostAsJsonAsync("api/v2/users",
            new { connection = "Username-Password-Authentication", email, password = Password, email_verified = true }));
        return email;
    }

    /// <summary>A single-page application that may use the hosted login; returns its client id.</summary>
    public async Task<string> CreateSpaAsync()
    {
        var response = await management.PostAsJsonAsync("api/v2/clients", new { name = "bench spa", app_type = "spa", callbacks = new[] { Callback } });
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_id").GetString()!;
    }

    public Uri Address => address;

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
