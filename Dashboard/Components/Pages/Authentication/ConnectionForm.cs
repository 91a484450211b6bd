using System.Text.Json.Nodes;
using Flowgate.Runtime.Connections;

namespace Flowgate.Dashboard.Components.Pages.Authentication;

/// <summary>The connection fields an administrator edits, turned into Auth0's <c>options</c>; the secret is write-only.</summary>
public sealed class ConnectionForm
{
    public string Strategy { get; set; } = ConnectionStrategies.Oidc;
    public string? DisplayName { get; set; }
    public string ClientId { get; set; } = "";
    /// <summary>Empty keeps the stored secret.</summary>
    public string ClientSecret { get; set; } = "";
    public string? DiscoveryUrl { get; set; }
    public string Type { get; set; } = ConnectionOptions.BackChannel;
    public string? Scope { get; set; }
    public string? AuthorizationUrl { get; set; }
    public string? TokenUrl { get; set; }
    public string? ProfileUrl { get; set; }

    public static ConnectionForm From(ConnectionDetails connection)
    {
        var o = connection.Options;
        return new()
        {
            Strategy = connection.Strategy, DisplayName = connection.DisplayName, ClientId = ConnectionOptions.Text(o, ConnectionOptions.ClientId) ?? "",
            DiscoveryUrl = ConnectionOptions.Text(o, ConnectionOptions.DiscoveryUrl), Type = ConnectionOptions.Text(o, ConnectionOptions.Type) ?? ConnectionOptions.BackChannel,
            Scope = o[ConnectionOptions.Scope]?.ToString(), AuthorizationUrl = ConnectionOptions.Text(o, ConnectionOptions.AuthorizationUrl),
            TokenUrl = ConnectionOptions.Text(o, ConnectionOptions.TokenUrl), ProfileUrl = ConnectionOptions.Text(o, ConnectionOptions.ProfileUrl),
        };
    }

    /// <summary>The options to save; <paramref name="stored"/> supplies the masked secret (kept) and any option this form does not show.</summary>
    public JsonObject ToOptions(JsonObject? stored)
    {
        var options = stored?.DeepClone().AsObject() ?? [];
        Set(options, ConnectionOptions.ClientId, ClientId);
        if (ClientSecret.Length > 0)
            options[ConnectionOptions.ClientSecret] = ClientSecret;
        Set(options, ConnectionOptions.Scope, Scope);
        if (Strategy == ConnectionStrategies.Oidc)
        {
            Set(options, ConnectionOptions.DiscoveryUrl, DiscoveryUrl);
            Set(options, ConnectionOptions.Type, Type);
        }
        if (Strategy == ConnectionStrategies.OAuth2)
        {
            Set(options, ConnectionOptions.AuthorizationUrl, AuthorizationUrl);
            Set(options, ConnectionOptions.TokenUrl, TokenUrl);
            Set(options, ConnectionOptions.ProfileUrl, ProfileUrl);
        }
        return options;
    }

    private static void Set(JsonObject options, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            options.Remove(name);
        else
            options[name] = value.Trim();
    }
}
