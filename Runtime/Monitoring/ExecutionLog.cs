using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Monitoring;

/// <summary>Reads the tenant's execution records.</summary>
public sealed class ExecutionLog(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant)
{
    /// <summary>One execution with its Action results in run order; not found once purged.</summary>
    public async Task<ExecutionRecord> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Executions.AsNoTracking().Include(e => e.Results.OrderBy(r => r.Order))
            .SingleOrDefaultAsync(e => e.TenantId == tenant.Id && e.Id == id, cancellationToken)
            ?? throw OperationRejectedException.NotFound("Execution", id);
    }
}
