using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /tickets/password-change</c>: the user by <c>user_id</c>, or by <c>email</c> and <c>connection_id</c>.</summary>
[AcceptedWithoutEffect("organization_id")]
internal sealed record PasswordChangeTicketBody(
    [property: JsonPropertyName("user_id")] string? UserId,
    string? Email,
    [property: JsonPropertyName("connection_id")] string? ConnectionId,
    [property: JsonPropertyName("result_url")] string? ResultUrl,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("ttl_sec")] int? TtlSec,
    [property: JsonPropertyName("mark_email_as_verified")] bool? MarkEmailAsVerified,
    [property: JsonPropertyName("includeEmailInRedirect")] bool? IncludeEmailInRedirect);
