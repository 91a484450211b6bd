using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Tests.Store;

/// <summary>
/// The contexts are pooled: a context handed back is the next one handed out, with nothing of its last user (tracked
/// rows, tracking settings) and with SQLite's connection setup (busy timeout, synchronous=NORMAL) still applied to its connection.
/// </summary>
public sealed class PooledContextTests
{
    [Fact]
    public async Task A_context_handed_back_comes_out_again_clean_and_still_waits_for_sqlite_locks()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("flowgate-pool-").FullName, "flowgate.db");
        var options = new DbContextOptionsBuilder<FlowgateDbContext>();
        StoreRegistration.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path}");
        var contexts = new FlowgateDbContextFactory(options.Options, DatabaseProvider.Sqlite);

        FlowgateDbContext first;
        await using (first = await contexts.CreateDbContextAsync())
        {
            await first.Database.MigrateAsync();
            first.ChangeTracker.AutoDetectChangesEnabled = false;
            first.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            first.Tenants.Add(new Tenant { Id = "left-behind", Name = "Never saved" });
        }
        await using var second = await contexts.CreateDbContextAsync();
        await second.Database.OpenConnectionAsync();
        await using var command = second.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        var busyTimeout = Convert.ToInt64(await command.ExecuteScalarAsync());
        // The native handle came back from Microsoft.Data.Sqlite's pool, which the setup configures once: it is still set.
        command.CommandText = "PRAGMA synchronous;";
        var synchronous = Convert.ToInt64(await command.ExecuteScalarAsync());

        Assert.Same(first, second);
        Assert.IsType<SqliteFlowgateDbContext>(second);
        Assert.Empty(second.ChangeTracker.Entries());
        Assert.True(second.ChangeTracker.AutoDetectChangesEnabled);
        Assert.Equal(QueryTrackingBehavior.TrackAll, second.ChangeTracker.QueryTrackingBehavior);
        Assert.False(await second.Tenants.AnyAsync(t => t.Id == "left-behind"));
        Assert.Equal(10_000, busyTimeout);
        Assert.Equal(1, synchronous); // NORMAL
    }
}
