namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>A trigger reference in <c>supported_triggers</c>.</summary>
internal sealed record TriggerRef(string Id, string? Version);
