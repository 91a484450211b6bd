using System.Text.Json.Serialization;
using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /resource-servers</c> and <c>PATCH /resource-servers/{id}</c>.</summary>
// Flowgate skips consent for its first-party applications; the Deploy CLI re-sends the setting as it exported it.
[AcceptedWithoutEffect("skip_consent_for_verifiable_first_party_clients")]
internal sealed record ResourceServerBody(
    string? Name,
    string? Identifier,
    IReadOnlyList<ResourceServerScope>? Scopes,
    [property: JsonPropertyName("token_lifetime")] int? TokenLifetime,
    [property: JsonPropertyName("enforce_policies")] bool? EnforcePolicies = null,
    [property: JsonPropertyName("token_dialect")] string? TokenDialect = null,
    [property: JsonPropertyName("allow_offline_access")] bool? AllowOfflineAccess = null,
    [property: JsonPropertyName("signing_alg")] string? SigningAlg = null,
    [property: JsonPropertyName("signing_secret")] string? SigningSecret = null);
