using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /tickets/email-verification</c>.</summary>
[AcceptedWithoutEffect("organization_id", "identity")]
internal sealed record EmailVerificationTicketBody(
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("result_url")] string? ResultUrl,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("ttl_sec")] int? TtlSec,
    [property: JsonPropertyName("includeEmailInRedirect")] bool? IncludeEmailInRedirect);
