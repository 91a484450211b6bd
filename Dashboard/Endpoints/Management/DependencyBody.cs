using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>An npm dependency in a request body.</summary>
internal sealed record DependencyBody(string Name, string? Version, [property: JsonPropertyName("registry_url")] string? RegistryUrl);
