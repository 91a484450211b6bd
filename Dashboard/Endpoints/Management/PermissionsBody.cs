using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST</c> and <c>DELETE /roles/{id}/permissions</c> and <c>/users/{id}/permissions</c>.</summary>
internal sealed record PermissionsBody(IReadOnlyList<PermissionBody>? Permissions);

/// <summary>One permission: the API's identifier and the scope's value.</summary>
internal sealed record PermissionBody(
    [property: JsonPropertyName("resource_server_identifier")] string? ResourceServerIdentifier,
    [property: JsonPropertyName("permission_name")] string? PermissionName);
