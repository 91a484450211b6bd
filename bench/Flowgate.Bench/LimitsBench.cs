using Flowgate.Runtime.Limits;
using Flowgate.Runtime.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Bench;

/// <summary>
/// What one counted hit of a request limit costs now that the counts live in the database (ADR 0010): a hit that opens
/// a window (insert) and one that adds to it (update), on a migrated SQLite file and, when a server is given
/// (<c>FLOWGATE_BENCH_POSTGRES</c> or <c>./test.sh</c>'s <c>FLOWGATE_TEST_POSTGRES</c>), on PostgreSQL.
/// </summary>
internal static class LimitsBench
{
    public static async Task RunAsync(int iterations)
    {
        Console.WriteLine($"one counted hit of a request limit, {iterations} sequential hits each");
        Console.WriteLine($"| {"database, hit",-36} | {"median µs",10} | {"p99 µs",10} |");
        Console.WriteLine($"|{new string('-', 38)}|{new string('-', 12)}|{new string('-', 12)}|");
        var directory = Directory.CreateTempSubdirectory("flowgate-bench-limits-").FullName;
        await MeasureAsync("SQLite", DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "flowgate.db") }.ToString(), iterations);
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        if (BenchPostgres.Server is not null)
            await BenchPostgres.WithDatabaseAsync(connectionString => MeasureAsync("PostgreSQL", DatabaseProvider.PostgreSql, connectionString, iterations));
    }

    private static async Task MeasureAsync(string label, DatabaseProvider provider, string connectionString, int iterations)
    {
        var builder = new DbContextOptionsBuilder<FlowgateDbContext>();
        StoreRegistration.Configure(builder, provider, connectionString);
        IDbContextFactory<FlowgateDbContext> contexts = new FlowgateDbContextFactory(builder.Options, provider);
        await using (var db = await contexts.CreateDbContextAsync())
            await db.Database.MigrateAsync();
        var counters = new RateLimitCounters(contexts, TimeProvider.System);
        var limit = new RateLimit("bench", int.MaxValue, TimeSpan.FromMinutes(1));
        var opening = await Timings.MeasureAsync(200, iterations, () => counters.TryHitAsync(limit, Guid.NewGuid().ToString("N"), CancellationToken.None));
        var adding = await Timings.MeasureAsync(200, iterations, () => counters.TryHitAsync(limit, "one address", CancellationToken.None));
        Console.WriteLine($"| {label + ", opens a window",-36} | {opening.MedianUs,10:0.0} | {opening.P99Us,10:0.0} |");
        Console.WriteLine($"| {label + ", adds to a window",-36} | {adding.MedianUs,10:0.0} | {adding.P99Us,10:0.0} |");
    }
}
