using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Jobs;

/// <summary>
/// An Auth0 user import or export job. Its state lives here, in the database, so any instance answers
/// <c>GET /api/v2/jobs/{id}</c> whichever one runs it.
/// </summary>
public sealed class UserJob : ITenantScoped
{
    internal const int MaxExternalId = 128, MaxFailureMessage = 1000;

    /// <summary><c>job_</c> + 16 characters, as Auth0's.</summary>
    public required string Id { get; set; }
    public string TenantId { get; set; } = Tenant.DefaultId;
    /// <summary><see cref="UserJobTypes"/>.</summary>
    public required string Type { get; set; }
    /// <summary><see cref="UserJobStatus"/>.</summary>
    public string Status { get; set; } = UserJobStatus.Pending;
    public required string ConnectionId { get; set; }
    public required string Connection { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    // Imports
    public bool Upsert { get; set; }
    public string? ExternalId { get; set; }
    public bool SendCompletionEmail { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Failed { get; set; }
    public int Total { get; set; }
    /// <summary>How far through the uploaded file the import is, 0 to 100.</summary>
    public int PercentageDone { get; set; }

    // Exports
    /// <summary><c>json</c> (JSON lines) or <c>csv</c>.</summary>
    public string? Format { get; set; }
    public int? Limit { get; set; }
    /// <summary>The requested fields as JSON <c>[{name, export_as}]</c>.</summary>
    public string? FieldsJson { get; set; }
    /// <summary>The gzip-compressed export, served at the job's <c>location</c>.</summary>
    public byte[]? ExportFile { get; set; }

    /// <summary>Why a job failed as a whole (an unreadable file), for the job's answer.</summary>
    public string? FailureMessage { get; set; }
}
