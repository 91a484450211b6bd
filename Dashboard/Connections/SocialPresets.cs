using System.Text.Json.Nodes;
using Flowgate.Runtime.Connections;

namespace Flowgate.Dashboard.Connections;

/// <summary>The social strategies' endpoints and profile maps: a preset is an <c>oauth2</c> connection with these filled in.</summary>
internal static class SocialPresets
{
    public sealed record Preset(string? AuthorizationUrl, string? TokenUrl, string? ProfileUrl, JsonObject ProfileMap);

    public static Preset Of(string strategy) => strategy switch
    {
        ConnectionStrategies.Google => new("https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token",
            "https://openidconnect.googleapis.com/v1/userinfo", OidcMap()),
        ConnectionStrategies.GitHub => new("https://github.com/login/oauth/authorize", "https://github.com/login/oauth/access_token", "https://api.github.com/user",
            new JsonObject { ["user_id"] = "id", ["email"] = "email", ["name"] = "name", ["nickname"] = "login", ["picture"] = "avatar_url" }),
        ConnectionStrategies.WindowsLive => new("https://login.microsoftonline.com/consumers/oauth2/v2.0/authorize",
            "https://login.microsoftonline.com/consumers/oauth2/v2.0/token", "https://graph.microsoft.com/oidc/userinfo", OidcMap()),
        _ => new(null, null, null, OidcMap()),
    };

    // Providers that answer with OpenID Connect's standard claims.
    private static JsonObject OidcMap() => new()
    {
        ["user_id"] = "sub", ["email"] = "email", ["email_verified"] = "email_verified", ["name"] = "name", ["given_name"] = "given_name",
        ["family_name"] = "family_name", ["nickname"] = "nickname", ["picture"] = "picture",
    };
}
