namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>A binding's <c>ref</c>: <c>action_name</c> (default) or <c>action_id</c>.</summary>
internal sealed record BindingRefBody(string? Type, string? Value);
