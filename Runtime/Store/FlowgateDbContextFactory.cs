using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Flowgate.Runtime.Store;

/// <summary>
/// Creates the provider's own context subclass, so the context a service uses is the one whose
/// migrations match the database. Services depend on <see cref="FlowgateDbContext"/> only.
/// </summary>
/// <remarks>
/// The contexts are pooled: building a context's scoped EF services was about 8 % of the server's CPU on a token
/// request, which creates several contexts. Disposing a context (the factory's, or the scoped one at the end of its
/// scope) hands it back to the pool, which resets it first: change tracker (and its settings such as
/// <c>AutoDetectChangesEnabled</c>), open transaction, connection and command timeout. Nothing else lives on a
/// context here: no <c>OnConfiguring</c>, no fields, and no query filter that holds a value (every query names its
/// tenant; the one filter, hiding database users linked into another, is a constant), so a context leased by the next
/// request cannot carry anything of the last one.
/// </remarks>
internal sealed class FlowgateDbContextFactory : IDbContextFactory<FlowgateDbContext>
{
    private readonly IDbContextFactory<FlowgateDbContext> _pool;

    public FlowgateDbContextFactory(DbContextOptions<FlowgateDbContext> options, DatabaseProvider provider) => _pool = provider switch
    {
        DatabaseProvider.SqlServer => new Pool<SqlServerFlowgateDbContext>(options),
        DatabaseProvider.PostgreSql => new Pool<PostgreSqlFlowgateDbContext>(options),
        _ => new Pool<SqliteFlowgateDbContext>(options),
    };

    public FlowgateDbContext CreateDbContext() => _pool.CreateDbContext();

    public Task<FlowgateDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => _pool.CreateDbContextAsync(cancellationToken);

    // The same options (provider, connection string, interceptors) typed for the subclass the pool activates.
    private sealed class Pool<TContext>(DbContextOptions<FlowgateDbContext> options) : IDbContextFactory<FlowgateDbContext>
        where TContext : FlowgateDbContext
    {
        private readonly PooledDbContextFactory<TContext> _contexts =
            new(new DbContextOptions<TContext>(options.Extensions.ToDictionary(e => e.GetType(), e => e)));

        public FlowgateDbContext CreateDbContext() => _contexts.CreateDbContext();

        public async Task<FlowgateDbContext> CreateDbContextAsync(CancellationToken cancellationToken) =>
            await _contexts.CreateDbContextAsync(cancellationToken);
    }
}
