using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>PATCH /actions/actions/{id}</c>.</summary>
internal sealed record UpdateActionBody(
    string? Name,
    string? Code,
    string? Runtime,
    IReadOnlyList<DependencyBody>? Dependencies,
    IReadOnlyList<SecretBody>? Secrets,
    [property: JsonPropertyName("supported_triggers")] IReadOnlyList<TriggerRef>? SupportedTriggers = null);
