using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Flowgate.Runtime.Store;

/// <summary>
/// Makes a SQLite connection wait for the write lock inside SQLite instead of failing with SQLITE_BUSY at once.
/// Without a busy timeout, Microsoft.Data.Sqlite retries a busy statement by blocking its thread for 150 ms at a
/// time: measured here, concurrent token requests spent most of their time in that sleep. SQLite's own busy
/// handler waits in steps of a few milliseconds and takes the lock as soon as the writer before it commits.
/// It also sets <c>synchronous=NORMAL</c>, SQLite's advice for WAL mode: a commit no longer waits for an fsync of
/// the log (the checkpoint still syncs), so a login's several small commits stop queueing on the disk. The database
/// cannot be corrupted by it; a power cut (not a crash of the process) may lose the last commits before it.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    // Long enough for a burst of writers to pass one by one; a statement still waiting after it fails as before.
    private const int BusyTimeoutMs = 10_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    // Pooled connections keep their native handle, and both settings stay with the handle: set once per handle, not on
    // every open (a login opens about 28 connections, and the PRAGMA is parsed and run each time).
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = [];
    private static readonly object Done = new();

    private static void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || Configured.TryGetValue(handle, out _))
            return;
        raw.sqlite3_busy_timeout(handle, BusyTimeoutMs);
        raw.sqlite3_exec(handle, "PRAGMA synchronous = NORMAL;");
        Configured.AddOrUpdate(handle, Done);
    }
}
