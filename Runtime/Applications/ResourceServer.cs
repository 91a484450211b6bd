using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Applications;

/// <summary>An API (Auth0's resource server): its identifier is the audience of the access tokens issued for it.</summary>
public sealed class ResourceServer : ITenantScoped
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string Name { get; set; }
    /// <summary>The audience, e.g. <c>https://api.example.com</c>; unique per tenant.</summary>
    public required string Identifier { get; init; }
    /// <summary>Scopes as JSON <c>[{value, description}]</c>.</summary>
    public string ScopesJson { get; set; } = "[]";
    public int TokenLifetimeSeconds { get; set; } = 86400;
    /// <summary>True for the built-in Management API, which cannot be edited or deleted.</summary>
    public bool IsSystem { get; init; }
    /// <summary>Auth0's <c>enforce_policies</c> (RBAC): end users are granted only the scopes they hold as permissions.</summary>
    public bool EnforcePolicies { get; set; }
    /// <summary>Auth0's <c>token_dialect</c>: <c>access_token</c>, or <c>access_token_authz</c> which adds a <c>permissions</c> claim.</summary>
    public string TokenDialect { get; set; } = TokenDialects.AccessToken;
    /// <summary>Auth0's <c>allow_offline_access</c>: whether refresh tokens may be issued for this API.</summary>
    public bool AllowOfflineAccess { get; set; }
    /// <summary>Auth0's <c>signing_alg</c> for this API's access tokens, see <see cref="SigningAlgorithms"/>.</summary>
    public string SigningAlg { get; set; } = SigningAlgorithms.RS256;
    /// <summary>Auth0's <c>signing_secret</c> (the HS256 key), encrypted with <see cref="ApiSigningSecrets"/>; null until HS256 is chosen.</summary>
    public string? ProtectedSigningSecret { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
