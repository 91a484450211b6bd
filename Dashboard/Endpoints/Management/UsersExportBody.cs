using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /jobs/users-exports</c>.</summary>
internal sealed record UsersExportBody(
    [property: JsonPropertyName("connection_id")] string? ConnectionId,
    string? Format,
    int? Limit,
    IReadOnlyList<ExportFieldBody>? Fields);
