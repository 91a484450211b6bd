using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Store;

/// <summary>Migrates the database on start and creates the default tenant and the Management API.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<FlowgateDbContext> contexts, ILogger<DatabaseInitializer> logger)
{
    /// <summary>Applies pending migrations (never <c>EnsureCreated</c>) and seeds what a fresh install needs.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Write-ahead logging lets requests read while the background writer or a login writes (the mode is kept in the
        // file; EF Core sets it on databases it creates, this covers one created otherwise).
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (!await db.Tenants.AnyAsync(t => t.Id == Tenant.DefaultId, cancellationToken))
            db.Tenants.Add(new Tenant { Id = Tenant.DefaultId, Name = "Default tenant" });

        var managementApi = await db.ResourceServers.SingleOrDefaultAsync(r => r.TenantId == Tenant.DefaultId && r.IsSystem, cancellationToken);
        if (managementApi is null)
            db.ResourceServers.Add(ManagementApi.CreateResourceServer(Tenant.DefaultId));
        else
            managementApi.ScopesJson = ManagementApi.ScopesJson();

        await db.SaveChangesAsync(cancellationToken);
    }
}
