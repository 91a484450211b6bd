using System.IO.Compression;
using System.Text.Json;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Jobs;

/// <summary>
/// Runs a users_export job: streams the tenant's users from the database into a gzip-compressed file (JSON lines or
/// CSV, as Auth0 writes them) kept with the job, so any instance can serve it at the job's <c>location</c>.
/// </summary>
public sealed class UserExport(IDbContextFactory<FlowgateDbContext> contexts, TimeProvider clock, ILogger<UserExport> logger)
{
    /// <summary>Auth0's fields when the request names none.</summary>
    public static readonly IReadOnlyList<ExportField> DefaultFields =
    [
        new("user_id"), new("email"), new("email_verified"), new("name"), new("given_name"), new("family_name"), new("nickname"),
        new("picture"), new("created_at"), new("updated_at"), new("last_login"), new("logins_count"), new("blocked"),
    ];

    public async Task RunAsync(UserJob job, CancellationToken cancellationToken)
    {
        var fields = job.FieldsJson is null ? DefaultFields : JsonSerializer.Deserialize<List<ExportField>>(job.FieldsJson)!;
        using var file = new MemoryStream();
        var count = 0;
        await using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
        await using (var writer = new StreamWriter(gzip))
        {
            var csv = job.Format == "csv";
            if (csv)
                await writer.WriteLineAsync(string.Join(',', fields.Select(f => ExportValues.Csv(f.Column))));
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var users = db.Users.AsNoTracking().Where(u => u.TenantId == job.TenantId).OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).AsQueryable();
            if (job.Limit is { } limit)
                users = users.Take(limit);
            await foreach (var user in users.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var values = fields.Select(f => (f.Column, Value: ExportValues.Of(user, f.Name, job.Connection))).ToList();
                await writer.WriteLineAsync(csv ? string.Join(',', values.Select(v => ExportValues.Csv(v.Value))) : ExportValues.JsonLine(values));
                count++;
            }
        }
        job.ExportFile = file.ToArray();
        job.Status = UserJobStatus.Completed;
        job.CompletedAt = clock.GetUtcNow();
        job.Total = count;
        job.PercentageDone = 100;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.UserJobs.Update(job);
            await db.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("Export job {JobId}: {Count} users, {Bytes} bytes compressed", job.Id, count, job.ExportFile.Length);
    }
}
