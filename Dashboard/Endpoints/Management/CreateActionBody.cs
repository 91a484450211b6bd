using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /actions/actions</c>.</summary>
internal sealed record CreateActionBody(
    string? Name,
    [property: JsonPropertyName("supported_triggers")] IReadOnlyList<TriggerRef>? SupportedTriggers,
    string? Code,
    string? Runtime,
    IReadOnlyList<DependencyBody>? Dependencies,
    IReadOnlyList<SecretBody>? Secrets,
    bool? Deploy);
