using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /connections</c> and <c>PATCH /connections/{id}</c>, in Auth0's names.</summary>
// Auth0's realms are the connection's name for a database or enterprise connection; Flowgate has no realm but the name.
[AcceptedWithoutEffect("realms", "authentication", "connected_accounts")]
internal sealed record ConnectionBody(
    string? Name,
    string? Strategy,
    [property: JsonPropertyName("display_name")] string? DisplayName = null,
    JsonObject? Options = null,
    [property: JsonPropertyName("enabled_clients")] IReadOnlyList<string>? EnabledClients = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    [property: JsonPropertyName("show_as_button")] bool? ShowAsButton = null,
    [property: JsonPropertyName("is_domain_connection")] bool? IsDomainConnection = null);
