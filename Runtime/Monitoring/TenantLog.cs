using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Monitoring;

/// <summary>Reads the tenant's log events, newest first.</summary>
public sealed class TenantLog(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant)
{
    public async Task<ActionPage<TenantLogEvent>> SearchAsync(TenantLogQuery query, int page, int perPage, CancellationToken cancellationToken)
    {
        (page, perPage) = ActionLimits.Paging(page, perPage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = db.LogEvents.AsNoTracking().Where(e => e.TenantId == tenant.Id);
        if (query.Type is { } type)
            events = events.Where(e => e.Type == type);
        if (query.UserId is { } userId)
            events = events.Where(e => e.UserId == userId);
        if (query.ClientId is { } clientId)
            events = events.Where(e => e.ClientId == clientId);
        if (query.Ip is { } ip)
            events = events.Where(e => e.Ip == ip);
        if (query.From is { } from)
            events = events.Where(e => e.Date >= from);
        if (query.To is { } to)
            events = events.Where(e => e.Date <= to);
        var total = await events.CountAsync(cancellationToken);
        // Newest first by date, which the (tenant, [type | user | client,] date) indexes hold in order (SQLite stores UTC times
        // as sortable integers), so a first page reads 50 rows instead of sorting every match; the id (time-sortable too) breaks ties.
        var items = await events.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Skip(page * perPage).Take(perPage).ToListAsync(cancellationToken);
        return new ActionPage<TenantLogEvent>(items, total, page, perPage);
    }

    public async Task<TenantLogEvent> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.LogEvents.AsNoTracking().SingleOrDefaultAsync(e => e.TenantId == tenant.Id && e.Id == id, cancellationToken)
            ?? throw OperationRejectedException.NotFound("Log event", id);
    }
}
