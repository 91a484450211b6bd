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
    /// <summary>Auth0's <c>signing_alg</c>, see <see cref="SigningAlgorithms"/>.</summary>
    public string? SigningAlg { get; init; }
    /// <summary>Auth0's <c>signing_secret</c> for HS256; generated when HS256 is chosen without one.</summary>
    public string? SigningSecret { get; init; }
}
