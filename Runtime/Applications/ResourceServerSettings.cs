namespace Flowgate.Runtime.Applications;

/// <summary>An API's settings for creating one or changing one (null leaves a field as it is); the identifier never changes.</summary>
public sealed record ResourceServerSettings
{
    public string? Name { get; init; }
    /// <summary>The audience; required on create.</summary>
    public string? Identifier { get; init; }
    public IReadOnlyList<ResourceServerScope>? Scopes { get; init; }
    /// <summary>Access token lifetime in seconds.</summary>
    public int? TokenLifetime { get; init; }
    /// <summary>Auth0's <c>enforce_policies</c>: RBAC on or off.</summary>
    public bool? EnforcePolicies { get; init; }
    /// <summary>Auth0's <c>token_dialect</c>, see <see cref="TokenDialects"/>.</summary>
    public string? TokenDialect { get; init; }
    /// <summary>Auth0's <c>allow_offline_access</c>.</summary>
    public bool? AllowOfflineAccess { get; init; }
}
