using System.Text.Json;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Store;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Jobs;

/// <summary>
/// Runs a users_import job: reads the uploaded JSON array one element at a time (never the whole file in memory),
/// checks each row, and writes the valid ones in batches, inserting new users and, with <c>upsert</c>, updating existing
/// ones. A row that fails is recorded with its errors and nothing else is lost.
/// </summary>
public sealed class UserImport(
    IDbContextFactory<FlowgateDbContext> contexts, ILookupNormalizer normalizer, Mfa.MfaSecrets secrets, ImportCompletionMail completion, TimeProvider clock,
    ILogger<UserImport> logger)
{
    private const int BatchSize = 500;

    public async Task RunAsync(UserJob job, string filePath, CancellationToken cancellationToken)
    {
        var batch = new List<(int Row, JsonElement Json, ImportedUser User)>(BatchSize);
        var failures = new List<UserJobError>();
        var counts = new ImportCounts();
        await using var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var row = 0;
        try
        {
            await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(file, (JsonSerializerOptions?)null, cancellationToken))
            {
                var errors = new List<RowError>();
                if (ImportRow.Read(element, errors) is { } user)
                    batch.Add((row, element, user));
                else
                    failures.Add(Failure(job.Id, row, element, errors));
                row++;
                if (batch.Count + failures.Count >= BatchSize)
                    await FlushAsync(job, batch, failures, counts, Progress(file), cancellationToken);
            }
        }
        catch (JsonException e)
        {
            // Auth0 stops a job whose file is not a JSON array of users. Rows already read (whole read buffers before the
            // fault) stay imported and counted.
            var message = $"The users file is not a valid JSON array (line {e.LineNumber + 1}): {e.Message.Split(" Path:")[0]}";
            job.FailureMessage = message.Length <= UserJob.MaxFailureMessage ? message : message[..UserJob.MaxFailureMessage];
        }
        await FlushAsync(job, batch, failures, counts, 100, cancellationToken);
        job.Status = job.FailureMessage is null ? UserJobStatus.Completed : UserJobStatus.Failed;
        job.CompletedAt = clock.GetUtcNow();
        await SaveJobAsync(job, cancellationToken);
        logger.LogInformation("Import job {JobId}: {Inserted} inserted, {Updated} updated, {Failed} failed of {Total}",
            job.Id, job.Inserted, job.Updated, job.Failed, job.Total);
        if (job.SendCompletionEmail)
            await completion.SendAsync(job, cancellationToken);
    }

    private static int Progress(FileStream file) => file.Length == 0 ? 100 : (int)(file.Position * 100 / file.Length);

    private async Task FlushAsync(UserJob job, List<(int Row, JsonElement Json, ImportedUser User)> batch, List<UserJobError> failures,
        ImportCounts counts, int percentage, CancellationToken cancellationToken)
    {
        var rows = batch.Count + failures.Count;
        if (batch.Count > 0)
            await new ImportBatch(contexts, normalizer, secrets, clock, job).WriteAsync(batch, failures, counts, cancellationToken);
        if (failures.Count > 0)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.UserJobErrors.AddRange(failures);
            await db.SaveChangesAsync(cancellationToken);
        }
        job.Inserted = counts.Inserted;
        job.Updated = counts.Updated;
        job.Failed += failures.Count;
        job.Total += rows;
        job.PercentageDone = percentage;
        batch.Clear();
        failures.Clear();
        await SaveJobAsync(job, cancellationToken);
    }

    private async Task SaveJobAsync(UserJob job, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.UserJobs.Update(job);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static UserJobError Failure(string jobId, int row, JsonElement json, IReadOnlyList<RowError> errors) => new()
    {
        JobId = jobId,
        Row = row,
        UserJson = json.GetRawText(),
        ErrorsJson = JsonSerializer.Serialize(errors.Select(e => new { code = e.Code, message = e.Message, path = e.Path })),
    };
}
