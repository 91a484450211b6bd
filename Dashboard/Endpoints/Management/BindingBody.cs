using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>One binding in <c>PATCH .../bindings</c>; <c>failure_policy</c> is Flowgate's extension.</summary>
internal sealed record BindingBody(BindingRefBody? Ref, [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("failure_policy")] string? FailurePolicy);
