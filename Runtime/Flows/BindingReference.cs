namespace Flowgate.Runtime.Flows;

/// <summary>
/// One entry of a flow as an editor or the Management API sends it: which Action (by id or by name,
/// Auth0's <c>ref</c>), its display name, and what its failure does to the flow.
/// </summary>
public sealed record BindingReference(
    BindingRefType RefType,
    string Value,
    string? DisplayName = null,
    BindingFailurePolicy FailurePolicy = BindingFailurePolicy.FailClosed);
