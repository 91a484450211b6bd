using System.Diagnostics;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Bench;

/// <summary>
/// The Logs page's first page (50 events, newest first, with the total) on a migrated SQLite database of
/// 100,000 tenant log events, unfiltered and filtered by type, user, application and time; each query's
/// median is set against the same query on 1,000 events measured in the same run, so the ratio shows scaling.
/// </summary>
internal static class LogQueryBench
{
    private const int PageSize = 50;
    private const double TargetMs = 300;
    private static readonly List<string> Directories = [];
    private static readonly string[] Types = ["s", "s", "s", "s", "s", "s", "f", "fp", "fu", "ss", "seccft", "seccft", "actions_execution_failed", "scp"];

    public static async Task RunAsync(int rows, int iterations)
    {
        var now = DateTimeOffset.UtcNow;
        var small = await FillAsync(1_000, now);
        var large = await FillAsync(rows, now);
        var queries = new (string Name, TenantLogQuery Query)[]
        {
            ("unfiltered", new()),
            ("type:f", new(Type: "f")),
            ("user_id", new(UserId: User(17))),
            ("client_id", new(ClientId: Client(3))),
            ("date: last day", new(From: now.AddDays(-1))),
            ("type:s AND date: last week", new(Type: "s", From: now.AddDays(-7))),
        };
        Console.WriteLine($"| {"query",-28} | {"1k median ms",12} | {$"{rows / 1000}k median ms",13} | {"ratio",7} | {"total",7} | under {TargetMs} ms |");
        Console.WriteLine($"|{new string('-', 30)}|{new string('-', 14)}|{new string('-', 15)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 15)}|");
        foreach (var (name, query) in queries)
        {
            var baseline = await MeasureAsync(small, query, iterations);
            var measured = await MeasureAsync(large, query, iterations);
            Console.WriteLine($"| {name,-28} | {baseline.Ms,12:0.00} | {measured.Ms,13:0.00} | {measured.Ms / baseline.Ms,6:0.0}× | {measured.Total,7} | {(measured.Ms < TargetMs ? "yes" : "NO"),13} |");
        }
        SqliteConnection.ClearAllPools();
        foreach (var directory in Directories)
            Directory.Delete(directory, recursive: true);
    }

    private static async Task<(double Ms, int Total)> MeasureAsync(TenantLog log, TenantLogQuery query, int iterations)
    {
        var total = 0;
        for (var i = 0; i < 3; i++)
            total = (await log.SearchAsync(query, 0, PageSize, CancellationToken.None)).Total;
        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await log.SearchAsync(query, 0, PageSize, CancellationToken.None);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        samples.Sort();
        return (samples[samples.Count / 2], total);
    }

    // A migrated database (the indexes production has) with events spread over 30 days: several types, 500 users, 12 applications.
    private static async Task<TenantLog> FillAsync(int rows, DateTimeOffset now)
    {
        var directory = Directory.CreateTempSubdirectory("flowgate-bench-logs-").FullName;
        Directories.Add(directory);
        var path = Path.Combine(directory, "flowgate.db");
        var builder = new DbContextOptionsBuilder<FlowgateDbContext>();
        StoreRegistration.Configure(builder, DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path }.ToString());
        IDbContextFactory<FlowgateDbContext> contexts = new FlowgateDbContextFactory(builder.Options, DatabaseProvider.Sqlite);
        var random = new Random(42);
        await using (var db = await contexts.CreateDbContextAsync())
            await db.Database.MigrateAsync();
        var started = Stopwatch.GetTimestamp();
        for (var done = 0; done < rows; done += 5_000)
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            // Oldest first, as they are written; ids sort by time like the real ones.
            db.LogEvents.AddRange(Enumerable.Range(done, Math.Min(5_000, rows - done)).Select(i => Event(i, rows, now, random)));
            await db.SaveChangesAsync();
        }
        Console.Error.WriteLine($"  filled {rows} events in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return new TenantLog(contexts, CurrentTenant.Default);
    }

    private static TenantLogEvent Event(int index, int rows, DateTimeOffset now, Random random)
    {
        var date = now.AddDays(-30) + TimeSpan.FromDays(30) * index / rows;
        var user = random.Next(500);
        var client = random.Next(12);
        return new TenantLogEvent
        {
            Id = $"90{date:yyyyMMddHHmmssfff}{index:x16}",
            TenantId = CurrentTenant.Default.Id,
            Type = Types[random.Next(Types.Length)],
            Date = date,
            Description = "Successful login",
            ClientId = Client(client),
            ClientName = $"Application {client}",
            UserId = User(user),
            UserName = $"user{user}@example.com",
            Ip = $"10.0.{user % 256}.{client}",
            UserAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0",
            ExecutionId = Guid.NewGuid().ToString(),
            DetailsJson = """{"prompts":[{"name":"login","elapsedTime":120}]}""",
        };
    }

    private static string User(int n) => $"auth0|{n:x24}";

    private static string Client(int n) => $"client{n:D4}abcdefghijklmnopqrstuv";
}
