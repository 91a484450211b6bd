namespace Flowgate.Runtime.Applications;

/// <summary>An application as the dashboard and the Management API show it. Its secret is never readable.</summary>
public sealed record ApplicationDetails(
    string ClientId,
    string Name,
    string AppType,
    string? Description,
    IReadOnlyList<string> Callbacks,
    IReadOnlyList<string> LogoutUrls,
    IReadOnlyList<string> WebOrigins,
    IReadOnlyList<string> GrantTypes,
    string TokenEndpointAuthMethod,
    bool IsFirstParty,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> ClientMetadata)
{
    /// <summary>Whether the application has a secret (everything but single-page and native apps).</summary>
    public bool IsConfidential => TokenEndpointAuthMethod != TokenEndpointAuthMethods.None;

    /// <summary>Auth0's <c>allowed_origins</c>: origins allowed CORS besides the web origins and the callbacks' origins.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];
}
