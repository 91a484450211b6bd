using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>One of an export's <c>fields</c>: a user attribute and the column it is written as.</summary>
internal sealed record ExportFieldBody(string? Name, [property: JsonPropertyName("export_as")] string? ExportAs);
