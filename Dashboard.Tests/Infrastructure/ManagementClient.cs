using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Flowgate.Runtime.Applications;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Tests.Infrastructure;

/// <summary>Creates machine-to-machine applications and obtains real tokens from the server's token endpoint.</summary>
internal static class ManagementClient
{
    public static async Task<ApplicationCredentials> CreateApplicationAsync(this FlowgateApp app, bool management = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<ApplicationService>();
        return await applications.CreateMachineToMachineAsync("test " + Guid.NewGuid().ToString("N")[..6], management, CancellationToken.None);
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(this HttpClient http, ApplicationCredentials app, string audience, string? scope = null, string? secret = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = app.ClientId,
            ["client_secret"] = secret ?? app.ClientSecret!,
            ["audience"] = audience,
        };
        if (scope is not null)
            form["scope"] = scope;
        return await http.PostAsync("/oauth/token", new FormUrlEncodedContent(form));
    }

    /// <summary>An HttpClient carrying a Management API token for a new application.</summary>
    public static async Task<HttpClient> CreateManagementClientAsync(this FlowgateApp app, string? scope = null)
    {
        var http = app.CreateClient();
        var credentials = await app.CreateApplicationAsync();
        var response = await http.RequestTokenAsync(credentials, app.ManagementAudience, scope);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
