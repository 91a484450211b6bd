using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Email.Tickets;

/// <summary>
/// Deletes spent tickets: expired ones, and used ones a day after their use (until then a second click still hears
/// "already used" rather than "invalid"). Swept as rate-limit windows are: on the back of the work that makes rows
/// (issuing a ticket), at most every ten minutes per instance, so no timer runs when nothing happens. In batches of
/// ids, selected then deleted, which every provider runs alike and which never holds a long lock.
/// </summary>
public sealed class EmailTicketSweep(IDbContextFactory<FlowgateDbContext> contexts, TimeProvider clock, ILogger<EmailTicketSweep> logger)
{
    /// <summary>How long a used ticket is kept.</summary>
    public static readonly TimeSpan UsedKeptFor = TimeSpan.FromDays(1);
    internal const int BatchSize = 1_000;
    // A sweep after a long pause stops at this many batches; the next sweep goes on.
    private const int MaxBatches = 50;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(10);
    private long _lastSweep;

    /// <summary>Sweeps unless this instance did less than ten minutes ago; returns how many tickets went.</summary>
    public async Task<int> SweepIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var last = Interlocked.Read(ref _lastSweep);
        if (now.UtcTicks - last < SweepEvery.Ticks || Interlocked.CompareExchange(ref _lastSweep, now.UtcTicks, last) != last)
            return 0;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var usedBefore = now - UsedKeptFor;
            // Two passes rather than one OR: the expired ones are found through the ExpiresAt index.
            var deleted = await DeleteAsync(db, db.EmailTickets.Where(t => t.ExpiresAt <= now), MaxBatches, cancellationToken);
            deleted += await DeleteAsync(db, db.EmailTickets.Where(t => t.UsedAt != null && t.UsedAt <= usedBefore), MaxBatches, cancellationToken);
            if (deleted > 0)
                logger.LogInformation("Deleted {Count} expired or used e-mail ticket(s)", deleted);
            return deleted;
        }
#pragma warning disable CA1031 // Housekeeping: the ticket was issued all the same, and the next sweep tries again.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Spent e-mail tickets could not be deleted");
            return 0;
        }
    }

    private static async Task<int> DeleteAsync(FlowgateDbContext db, IQueryable<EmailTicket> spent, int maxBatches, CancellationToken cancellationToken)
    {
        var deleted = 0;
        for (var batch = 0; batch < maxBatches; batch++)
        {
            var ids = await spent.Select(t => t.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count > 0)
                deleted += await db.EmailTickets.Where(t => ids.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
            if (ids.Count < BatchSize)
                break;
        }
        return deleted;
    }
}
