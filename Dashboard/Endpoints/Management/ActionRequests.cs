using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>Request bodies of the Actions endpoints, in Auth0's field names.</summary>
internal sealed record TriggerRef(string Id, string? Version);

internal sealed record SecretBody(string Name, string? Value);

internal sealed record DependencyBody(string Name, string? Version, [property: JsonPropertyName("registry_url")] string? RegistryUrl);

internal sealed record CreateActionBody(
    string? Name,
    [property: JsonPropertyName("supported_triggers")] IReadOnlyList<TriggerRef>? SupportedTriggers,
    string? Code,
    string? Runtime,
    IReadOnlyList<DependencyBody>? Dependencies,
    IReadOnlyList<SecretBody>? Secrets,
    bool? Deploy);

internal sealed record UpdateActionBody(
    string? Name,
    string? Code,
    string? Runtime,
    IReadOnlyList<DependencyBody>? Dependencies,
    IReadOnlyList<SecretBody>? Secrets);

internal sealed record RollbackBody([property: JsonPropertyName("update_draft")] bool? UpdateDraft);

internal sealed record BindingRefBody(string? Type, string? Value);

internal sealed record BindingBody(BindingRefBody? Ref, [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("failure_policy")] string? FailurePolicy);

internal sealed record UpdateBindingsBody(IReadOnlyList<BindingBody>? Bindings);
