namespace Flowgate.Runtime.Applications;

/// <summary>
/// An application's settings, for creating one (unset fields take the type's defaults) or changing one
/// (null leaves a field as it is). Names follow Auth0's client object.
/// </summary>
public sealed record ApplicationSettings
{
    public string? Name { get; init; }
    /// <summary><see cref="ApplicationTypes"/>; a change must keep the client public or confidential.</summary>
    public string? AppType { get; init; }
    public string? Description { get; init; }
    /// <summary>Allowed callback URLs (redirect URIs), matched exactly.</summary>
    public IReadOnlyList<string>? Callbacks { get; init; }
    /// <summary>Allowed URLs to return to after logout.</summary>
    public IReadOnlyList<string>? LogoutUrls { get; init; }
    /// <summary>Origins allowed to call the server from a browser.</summary>
    public IReadOnlyList<string>? WebOrigins { get; init; }
    /// <summary>Auth0's <c>allowed_origins</c>: further origins allowed to call the server from a browser (CORS).</summary>
    public IReadOnlyList<string>? AllowedOrigins { get; init; }
    /// <summary><see cref="ApplicationGrantTypes"/>.</summary>
    public IReadOnlyList<string>? GrantTypes { get; init; }
    /// <summary>False for a third-party application: users are asked to consent before it gets their data.</summary>
    public bool? IsFirstParty { get; init; }
    /// <summary><see cref="TokenEndpointAuthMethods"/>.</summary>
    public string? TokenEndpointAuthMethod { get; init; }
    /// <summary>Auth0's <c>client_metadata</c> (replaced whole): string values Actions read as <c>event.client.metadata</c>.</summary>
    public IReadOnlyDictionary<string, string>? ClientMetadata { get; init; }
}
