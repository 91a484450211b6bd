using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /users</c> and <c>PATCH /users/{id}</c>; on a PATCH, absent fields stay as they are.</summary>
internal sealed record UserBody(
    string? Connection,
    string? Email,
    string? Password,
    string? Username,
    [property: JsonPropertyName("email_verified")] bool? EmailVerified,
    [property: JsonPropertyName("verify_email")] bool? VerifyEmail,
    string? Name,
    string? Nickname,
    [property: JsonPropertyName("given_name")] string? GivenName,
    [property: JsonPropertyName("family_name")] string? FamilyName,
    string? Picture,
    bool? Blocked,
    [property: JsonPropertyName("user_metadata")] JsonObject? UserMetadata,
    [property: JsonPropertyName("app_metadata")] JsonObject? AppMetadata);
