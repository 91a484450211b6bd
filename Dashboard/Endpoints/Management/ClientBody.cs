using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /clients</c> and <c>PATCH /clients/{id}</c>; on a PATCH, absent fields stay as they are.</summary>
// Every Flowgate application is OIDC-conformant and signs with RS256; the Deploy CLI re-sends both as it exported them.
[AcceptedWithoutEffect("oidc_conformant", "jwt_configuration")]
internal sealed record ClientBody(
    string? Name,
    string? Description,
    [property: JsonPropertyName("app_type")] string? AppType,
    IReadOnlyList<string>? Callbacks,
    [property: JsonPropertyName("allowed_logout_urls")] IReadOnlyList<string>? AllowedLogoutUrls,
    [property: JsonPropertyName("web_origins")] IReadOnlyList<string>? WebOrigins,
    [property: JsonPropertyName("grant_types")] IReadOnlyList<string>? GrantTypes,
    [property: JsonPropertyName("token_endpoint_auth_method")] string? TokenEndpointAuthMethod,
    [property: JsonPropertyName("is_first_party")] bool? IsFirstParty = null,
    [property: JsonPropertyName("client_metadata")] IReadOnlyDictionary<string, string>? ClientMetadata = null,
    [property: JsonPropertyName("allowed_origins")] IReadOnlyList<string>? AllowedOrigins = null);
