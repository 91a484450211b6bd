using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

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
    private const int BusyTimeoutMs = 10_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SetBusyTimeout(connection);
        return Task.CompletedTask;
    }

    // A call into SQLite on the native handle (no statement to prepare): cheap enough for every open from the pool.
    private static void SetBusyTimeout(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
            raw.sqlite3_busy_timeout(handle, BusyTimeoutMs);
    }
}
