using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The optional body of a version deploy (rollback).</summary>
internal sealed record RollbackBody([property: JsonPropertyName("update_draft")] bool? UpdateDraft);
