using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /jobs/verification-email</c>.</summary>
[AcceptedWithoutEffect("organization_id", "identity")]
internal sealed record VerificationEmailJobBody(
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("client_id")] string? ClientId);
