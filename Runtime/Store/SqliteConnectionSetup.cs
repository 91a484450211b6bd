using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Flowgate.Runtime.Store;

/// <summary>
/// Makes a SQLite connection wait for the write lock inside SQLite instead of failing with SQLITE_BUSY at once.
/// Without a busy timeout, Microsoft.Data.Sqlite retries a busy statement by blocking its thread for 150 ms at a
/// time: measured here, concurrent token requests spent most of their time in that sleep. SQLite's own busy
/// handler waits in steps of a few milliseconds and takes the lock as soon as the writer before it commits.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    // Long enough for a burst of writers to pass one by one; a statement still waiting after it fails as before.
    private const string Pragmas = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
