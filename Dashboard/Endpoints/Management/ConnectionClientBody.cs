using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>One item of <c>PATCH /connections/{id}/clients</c>: enable (<c>status: true</c>) or disable the connection for an application.</summary>
internal sealed record ConnectionClientBody(
    [property: JsonPropertyName("client_id")] string? ClientId,
    bool? Status);
