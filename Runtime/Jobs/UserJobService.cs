using System.Security.Cryptography;
using System.Text.Json;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Jobs;

/// <summary>
/// Starts Auth0's user import and export jobs and reads their state. An import's file is copied to the data directory
/// as it arrives (it is never held in memory) and the job is queued on this instance; the job row is what every
/// instance reads.
/// </summary>
public sealed class UserJobService(
    IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, DataDirectory data, UserJobQueue queue, TimeProvider clock)
{
    /// <summary>Queues the import of <paramref name="users"/> (a JSON array of Auth0 users).</summary>
    public async Task<UserJob> StartImportAsync(Stream users, string? connectionId, bool upsert, string? externalId, bool sendCompletionEmail,
        CancellationToken cancellationToken)
    {
        if (externalId is { Length: > UserJob.MaxExternalId })
            throw new OperationRejectedException(RejectionKind.Invalid, $"Payload validation error: 'external_id' is longer than {UserJob.MaxExternalId} characters.");
        var job = NewJob(UserJobTypes.Import, connectionId);
        job.Upsert = upsert;
        job.ExternalId = externalId;
        job.SendCompletionEmail = sendCompletionEmail;
        var path = ImportFilePath(data, job.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            await users.CopyToAsync(file, cancellationToken);
        await AddAsync(job, cancellationToken);
        queue.Enqueue(job.Id);
        return job;
    }

    /// <summary>Queues an export of the connection's users in <paramref name="format"/> (<c>json</c> or <c>csv</c>).</summary>
    public async Task<UserJob> StartExportAsync(string? connectionId, string? format, int? limit, IReadOnlyList<ExportField>? fields,
        CancellationToken cancellationToken)
    {
        format ??= "json";
        if (format is not ("json" or "csv"))
            throw new OperationRejectedException(RejectionKind.Invalid, $"Payload validation error: 'format' must be json or csv, not '{format}'.");
        if (limit is < 1)
            throw new OperationRejectedException(RejectionKind.Invalid, "Payload validation error: 'limit' must be at least 1.");
        if (fields?.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Name) || !ExportValues.IsKnown(f.Name)) is { } unknown)
            throw new OperationRejectedException(RejectionKind.Invalid, $"Payload validation error: the field '{unknown.Name}' cannot be exported.");
        var job = NewJob(UserJobTypes.Export, connectionId ?? UserIds.DatabaseConnectionId);
        job.Format = format;
        job.Limit = limit;
        job.FieldsJson = fields is { Count: > 0 } ? JsonSerializer.Serialize(fields) : null;
        await AddAsync(job, cancellationToken);
        queue.Enqueue(job.Id);
        return job;
    }

    /// <summary>Records a verification e-mail job that is already done (its mail was handed to delivery).</summary>
    public async Task<UserJob> RecordVerificationEmailAsync(CancellationToken cancellationToken)
    {
        var job = NewJob(UserJobTypes.VerificationEmail, UserIds.DatabaseConnectionId);
        job.Status = UserJobStatus.Completed;
        job.CompletedAt = job.CreatedAt;
        await AddAsync(job, cancellationToken);
        return job;
    }

    public async Task<UserJob> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.TenantId == tenant.Id, cancellationToken)
            ?? throw new OperationRejectedException(RejectionKind.NotFound, "The job does not exist.");
    }

    /// <summary>The failed rows of an import, in file order.</summary>
    public async Task<IReadOnlyList<UserJobError>> ErrorsAsync(string id, CancellationToken cancellationToken)
    {
        var job = await GetAsync(id, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserJobErrors.AsNoTracking().Where(e => e.JobId == job.Id).OrderBy(e => e.Row).ToListAsync(cancellationToken);
    }

    internal static string ImportFilePath(DataDirectory data, string jobId) => Path.Combine(data.Path, "jobs", jobId + ".json");

    private UserJob NewJob(string type, string? connectionId)
    {
        if (string.IsNullOrWhiteSpace(connectionId))
            throw new OperationRejectedException(RejectionKind.Invalid, "Payload validation error: 'connection_id' is required.");
        if (connectionId != UserIds.DatabaseConnectionId)
            throw new OperationRejectedException(RejectionKind.Invalid,
                $"The connection does not exist: {connectionId}. Flowgate has one: {UserIds.DatabaseConnectionId} ({UserIds.DatabaseConnection}).");
        return new UserJob
        {
            Id = "job_" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 16),
            TenantId = tenant.Id,
            Type = type,
            ConnectionId = connectionId,
            Connection = UserIds.DatabaseConnection,
            CreatedAt = clock.GetUtcNow(),
        };
    }

    private async Task AddAsync(UserJob job, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.UserJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
    }
}
