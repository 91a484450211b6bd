using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /users/{id}/identities</c>: the identity to link (provider and user_id), or Auth0's <c>link_with</c> token.</summary>
internal sealed record UserLinkBody(
    string? Provider,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("connection_id")] string? ConnectionId = null,
    [property: JsonPropertyName("link_with")] string? LinkWith = null);
