using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Applications;

/// <summary>Reads the tenant's APIs (resource servers).</summary>
public sealed class ResourceServerService(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant)
{
    /// <summary>Whether an API with this identifier (audience) exists in the tenant.</summary>
    public async Task<bool> ExistsAsync(string identifier, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ResourceServers.AnyAsync(r => r.TenantId == tenant.Id && r.Identifier == identifier && !r.IsSystem, cancellationToken);
    }

    /// <summary>The tenant's APIs, the built-in Management API first.</summary>
    public async Task<IReadOnlyList<ResourceServer>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ResourceServers.AsNoTracking().Where(r => r.TenantId == tenant.Id)
            .OrderByDescending(r => r.IsSystem).ThenBy(r => r.Name).ToListAsync(cancellationToken);
    }
}
