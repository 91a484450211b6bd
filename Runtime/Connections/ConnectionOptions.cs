using System.Text.Json.Nodes;
using Flowgate.Runtime.Actions;

namespace Flowgate.Runtime.Connections;

/// <summary>
/// Checks a connection's <c>options</c> for its strategy, with Auth0's names: what each strategy needs before a login can
/// reach the provider. The client secret is taken out here and stored apart, encrypted.
/// </summary>
public static class ConnectionOptions
{
    public const string ClientId = "client_id", ClientSecret = "client_secret", Scope = "scope";
    public const string DiscoveryUrl = "discovery_url", Issuer = "issuer", Type = "type";
    public const string AuthorizationUrl = "authorizationURL", TokenUrl = "tokenURL", ProfileUrl = "profile_url", ProfileMap = "profile_map";
    public const string BackChannel = "back_channel", FrontChannel = "front_channel";

    /// <summary>What a masked secret looks like: the API shows this, and a write that sends it back keeps the stored secret.</summary>
    public static string Mask(string secret) => secret.Length >= 16 ? "********" + secret[^4..] : "********";

    /// <summary>Refuses options a login could not use; fills Auth0's defaults (scope, type, the discovery address).</summary>
    public static void Validate(string strategy, JsonObject options, bool hasSecret)
    {
        Require(options, ClientId);
        options[Scope] ??= strategy switch
        {
            ConnectionStrategies.Oidc => "openid profile email",
            ConnectionStrategies.GitHub => "read:user user:email",
            ConnectionStrategies.WindowsLive => "openid profile email",
            ConnectionStrategies.Google => "openid profile email",
            _ => "",
        };
        switch (strategy)
        {
            case ConnectionStrategies.Oidc:
                var type = Text(options, Type) ?? FrontChannel;
                if (type is not (BackChannel or FrontChannel))
                    throw Invalid($"options.type must be {BackChannel} or {FrontChannel}.");
                options[Type] = type;
                if (Text(options, DiscoveryUrl) is null && Text(options, Issuer) is { } issuer)
                    options[DiscoveryUrl] = issuer.TrimEnd('/') + "/.well-known/openid-configuration";
                Url(options, DiscoveryUrl);
                if (type == BackChannel && !hasSecret)
                    throw Invalid("options.client_secret is required for a back_channel connection.");
                break;
            case ConnectionStrategies.OAuth2:
                Url(options, AuthorizationUrl);
                Url(options, TokenUrl);
                Url(options, ProfileUrl);
                if (options[ProfileMap] is not (null or JsonObject))
                    throw Invalid("options.profile_map must be an object: Auth0 profile field -> field of the provider's profile.");
                RequireSecret(hasSecret);
                break;
            default:
                RequireSecret(hasSecret);
                break;
        }
    }

    /// <summary>A string option, or null when absent or empty.</summary>
    public static string? Text(JsonObject options, string name) =>
        options[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static void RequireSecret(bool hasSecret)
    {
        if (!hasSecret)
            throw Invalid("options.client_secret is required.");
    }

    private static void Require(JsonObject options, string name)
    {
        if (Text(options, name) is null)
            throw Invalid($"options.{name} is required.");
    }

    private static void Url(JsonObject options, string name)
    {
        if (!Uri.TryCreate(Text(options, name), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw Invalid($"options.{name} must be an absolute https address.");
    }

    private static OperationRejectedException Invalid(string reason) => new(RejectionKind.Invalid, "Payload validation error: " + reason) { ErrorCode = "invalid_body" };
}
