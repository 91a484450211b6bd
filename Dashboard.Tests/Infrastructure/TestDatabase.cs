using Flowgate.Runtime.Store;
using Npgsql;

namespace Flowgate.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test (or test class) and the data directory beside it: a SQLite file in a temporary
/// folder, or a PostgreSQL database with a random name on the cluster <c>./test.sh</c> starts, dropped at dispose.
/// Instances given the same one share it, as behind a load balancer.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>The variable <c>./test.sh</c> sets to the throwaway cluster's connection string.</summary>
    public const string PostgreSqlVariable = "FLOWGATE_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string dataDirectory, string? postgresAdmin = null, string? postgresName = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Holds the key-encryption certificate: instances on one database share it.</summary>
    public string DataDirectory { get; }

    /// <summary>Creates an empty database for <paramref name="provider"/> (Flowgate migrates it on start).</summary>
    public static TestDatabase Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite(Path.Combine(Directory.CreateTempSubdirectory("flowgate-test-").FullName, "flowgate.db")),
        DatabaseProvider.PostgreSql => PostgreSql(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "No test server for this provider."),
    };

    /// <summary>A SQLite file (existing or not) and its folder as the data directory.</summary>
    public static TestDatabase Sqlite(string path) =>
        new(DatabaseProvider.Sqlite, $"Data Source={path}", Path.GetDirectoryName(path)!);

    private static TestDatabase PostgreSql()
    {
        var admin = Environment.GetEnvironmentVariable(PostgreSqlVariable);
        // Failing, not skipping: a suite run without the cluster must not look green.
        if (string.IsNullOrWhiteSpace(admin))
            throw new InvalidOperationException(
                $"{PostgreSqlVariable} is not set: run ./test.sh, which starts a throwaway PostgreSQL cluster for the PostgreSQL tests.");
        var name = "flowgate_test_" + Guid.NewGuid().ToString("N");
        Execute(admin, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase(DatabaseProvider.PostgreSql, connectionString, Directory.CreateTempSubdirectory("flowgate-test-").FullName, admin, name);
    }

    public void Dispose()
    {
        if (_postgresAdmin is null)
            return;
        // Pooled connections of the hosts keep the database in use; FORCE ends them.
        NpgsqlConnection.ClearAllPools();
        Execute(_postgresAdmin, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
