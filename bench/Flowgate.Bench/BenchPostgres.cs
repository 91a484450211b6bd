using Npgsql;

namespace Flowgate.Bench;

/// <summary>
/// The PostgreSQL server a bench may use: <c>FLOWGATE_BENCH_POSTGRES</c> (or <c>./test.sh</c>'s
/// <c>FLOWGATE_TEST_POSTGRES</c>), a connection string whose user may create databases. Each run gets a database of
/// its own, dropped afterwards.
/// </summary>
internal static class BenchPostgres
{
    public static string? Server =>
        Environment.GetEnvironmentVariable("FLOWGATE_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("FLOWGATE_TEST_POSTGRES");

    /// <summary>Runs <paramref name="run"/> with the connection string of a fresh database (pool of <paramref name="maxPoolSize"/>).</summary>
    public static async Task WithDatabaseAsync(Func<string, Task> run, int maxPoolSize = 100)
    {
        var admin = Server ?? throw new InvalidOperationException("Set FLOWGATE_BENCH_POSTGRES to a PostgreSQL connection string whose user may create databases.");
        var name = "flowgate_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        try
        {
            await run(new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = maxPoolSize }.ToString());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
