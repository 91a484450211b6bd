using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Connections;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;

namespace Flowgate.Dashboard.Connections;

/// <summary>
/// ASP.NET Core's OAuth 2.0 handler options for <c>oauth2</c> connections and the social presets: the endpoints (the
/// preset's, or the connection's own), the code flow with PKCE, and the provider's profile read from its profile
/// address and mapped to Auth0's fields by the declarative <c>profile_map</c>, so no Action is needed.
/// </summary>
internal sealed class OAuthConnectionOptions(ConnectionSchemes schemes) : IConfigureNamedOptions<OAuthOptions>
{
    /// <summary>The claim holding the provider's raw profile (JSON): it becomes the identity's <c>profileData</c>.</summary>
    public const string ProfileClaim = "flowgate_profile";

    public void Configure(OAuthOptions options) { }

    public void Configure(string? name, OAuthOptions options)
    {
        if (name is null || schemes.ForScheme(name) is not { } connection || connection.Details.Strategy == ConnectionStrategies.Oidc)
            return;
        var settings = connection.Details.Options;
        var preset = SocialPresets.Of(connection.Details.Strategy);
        UpstreamRemote.Configure(options, connection);
        options.ClientId = ConnectionOptions.Text(settings, ConnectionOptions.ClientId)!;
        options.ClientSecret = connection.ClientSecret!;
        options.AuthorizationEndpoint = ConnectionOptions.Text(settings, ConnectionOptions.AuthorizationUrl) ?? preset.AuthorizationUrl ?? "";
        options.TokenEndpoint = ConnectionOptions.Text(settings, ConnectionOptions.TokenUrl) ?? preset.TokenUrl ?? "";
        options.UserInformationEndpoint = ConnectionOptions.Text(settings, ConnectionOptions.ProfileUrl) ?? preset.ProfileUrl ?? "";
        options.UsePkce = true;
        options.Scope.Clear();
        foreach (var scope in UpstreamRemote.Scopes(settings))
            options.Scope.Add(scope);
        var map = settings[ConnectionOptions.ProfileMap] as JsonObject ?? preset.ProfileMap;
        options.Events.OnCreatingTicket = context => AddProfileAsync(context, map);
        options.Events.OnRemoteFailure = UpstreamRemote.FailAsync;
    }

    // Reads the profile with the access token and adds Auth0's fields under their OIDC names (user_id becomes sub).
    private static async Task AddProfileAsync(OAuthCreatingTicketContext context, JsonObject map)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, context.Options.UserInformationEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Flowgate", "1.0"));
        using var response = await context.Backchannel.SendAsync(request, context.HttpContext.RequestAborted);
        response.EnsureSuccessStatusCode();
        var profile = JsonNode.Parse(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted)) as JsonObject
            ?? throw new InvalidOperationException("The provider's profile is not a JSON object.");
        foreach (var (field, path) in map)
        {
            if (path?.ToString() is { Length: > 0 } source && Find(profile, source) is { } value)
                context.Identity!.AddClaim(new Claim(field == "user_id" ? "sub" : field, value));
        }
        context.Identity!.AddClaim(new Claim(ProfileClaim, profile.ToJsonString()));
    }

    // A dotted path into the profile (e.g. "data.id"); numbers and booleans as their JSON text.
    private static string? Find(JsonObject profile, string path)
    {
        JsonNode? node = profile;
        foreach (var part in path.Split('.'))
            node = node is JsonObject o ? o[part] : null;
        return node is JsonValue value ? (value.TryGetValue<string>(out var s) ? s : value.ToJsonString()) : null;
    }
}
