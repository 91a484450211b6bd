using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Store;

/// <summary>
/// Creates the provider's own context subclass, so the context a service uses is the one whose
/// migrations match the database. Services depend on <see cref="FlowgateDbContext"/> only.
/// </summary>
internal sealed class FlowgateDbContextFactory(DbContextOptions<FlowgateDbContext> options, DatabaseProvider provider)
    : IDbContextFactory<FlowgateDbContext>
{
    public FlowgateDbContext CreateDbContext() => provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerFlowgateDbContext(options),
        DatabaseProvider.PostgreSql => new PostgreSqlFlowgateDbContext(options),
        _ => new SqliteFlowgateDbContext(options),
    };
}
