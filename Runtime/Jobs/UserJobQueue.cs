using System.Threading.Channels;
using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Jobs;

/// <summary>
/// Runs queued import and export jobs one at a time in the background (a bulk import should not take the cores the
/// logins need). At start it takes up the pending imports whose file is on this instance.
/// </summary>
public sealed class UserJobQueue(
    IServiceScopeFactory scopes, IDbContextFactory<FlowgateDbContext> contexts, DataDirectory data, ILogger<UserJobQueue> logger) : BackgroundService
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(string jobId) => _queue.Writer.TryWrite(jobId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumePendingAsync(stoppingToken);
        await foreach (var jobId in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(jobId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Job {JobId} failed", jobId);
                await FailAsync(jobId, stoppingToken);
            }
        }
    }

    private async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        UserJob job;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // Claimed in one UPDATE: of two instances resuming the same pending job, one runs it.
            if (await db.UserJobs.Where(j => j.Id == jobId && j.Status == UserJobStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, UserJobStatus.Processing), cancellationToken) != 1)
                return;
            job = await db.UserJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        }
        await using var scope = scopes.CreateAsyncScope();
        if (job.Type == UserJobTypes.Export)
        {
            await scope.ServiceProvider.GetRequiredService<UserExport>().RunAsync(job, cancellationToken);
            return;
        }
        var path = UserJobService.ImportFilePath(data, job.Id);
        try
        {
            await scope.ServiceProvider.GetRequiredService<UserImport>().RunAsync(job, path, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task FailAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.UserJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, UserJobStatus.Failed)
            .SetProperty(j => j.FailureMessage, "The job stopped on an internal error; see the server log."), cancellationToken);
    }

    private async Task ResumePendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.UserJobs.Where(j => j.Status == UserJobStatus.Pending).OrderBy(j => j.CreatedAt)
            .Select(j => new { j.Id, j.Type }).ToListAsync(cancellationToken);
        foreach (var job in pending.Where(j => j.Type == UserJobTypes.Export || File.Exists(UserJobService.ImportFilePath(data, j.Id))))
            Enqueue(job.Id);
    }
}
