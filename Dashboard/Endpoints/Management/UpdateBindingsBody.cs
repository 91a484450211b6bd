namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>PATCH /actions/triggers/{id}/bindings</c>.</summary>
internal sealed record UpdateBindingsBody(IReadOnlyList<BindingBody>? Bindings);
