using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /client-grants</c> (all fields) and <c>PATCH /client-grants/{id}</c> (<c>scope</c>).</summary>
internal sealed record ClientGrantBody(
    [property: JsonPropertyName("client_id")] string? ClientId,
    string? Audience,
    IReadOnlyList<string>? Scope);
