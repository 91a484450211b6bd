using System.Text.Json;
using Flowgate.Runtime.Flows.Parking;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Flowgate.Runtime.Triggers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Flowgate.Bench;

/// <summary>
/// What parking a login costs now that it lives in the database (ADR 0006): the four steps of a redirect Action's round
/// trip (park at /authorize, find and re-park at /continue, take at /authorize) on a migrated SQLite file, with a
/// parked flow the size of a real one, set against the same steps on the process-memory cache it replaced.
/// </summary>
internal static class ParkingBench
{
    public static async Task RunAsync(int iterations)
    {
        var payload = Payload();
        var directory = Directory.CreateTempSubdirectory("flowgate-bench-parking-").FullName;
        var builder = new DbContextOptionsBuilder<FlowgateDbContext>();
        StoreRegistration.Configure(builder, DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "flowgate.db") }.ToString());
        IDbContextFactory<FlowgateDbContext> contexts = new FlowgateDbContextFactory(builder.Options, DatabaseProvider.Sqlite);
        await using (var db = await contexts.CreateDbContextAsync())
            await db.Database.MigrateAsync();
        var parked = new ParkedTransactions(contexts, CurrentTenant.Default, new EphemeralDataProtectionProvider(), TimeProvider.System);
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var lifetime = TimeSpan.FromMinutes(15);

        var baseline = await Timings.MeasureAsync(200, iterations, () =>
        {
            var state = Guid.NewGuid().ToString("N");
            memory.Set(state, payload, lifetime);
            memory.TryGetValue(state, out string? _);
            memory.Set(state, payload, lifetime);
            memory.TryGetValue(state, out string? _);
            memory.Remove(state);
            return Task.CompletedTask;
        });
        var database = await Timings.MeasureAsync(200, iterations, async () =>
        {
            var state = await parked.AddAsync(payload, lifetime, CancellationToken.None);
            await parked.FindAsync(state, CancellationToken.None);
            await parked.PutAsync(state, payload, lifetime, CancellationToken.None);
            await parked.TakeAsync(state, CancellationToken.None);
        });

        Console.WriteLine($"parked flow: {payload.Length / 1024.0:0.0} kB of JSON, {iterations} round trips");
        Console.WriteLine($"| {"store",-34} | {"median µs",10} | {"p99 µs",10} | {"× memory",9} |");
        Console.WriteLine($"|{new string('-', 36)}|{new string('-', 12)}|{new string('-', 12)}|{new string('-', 11)}|");
        Console.WriteLine($"| {"process memory (before ADR 0006)",-34} | {baseline.MedianUs,10:0.0} | {baseline.P99Us,10:0.0} | {1,8:0.0}× |");
        Console.WriteLine($"| {"SQLite, protected (ADR 0006)",-34} | {database.MedianUs,10:0.0} | {database.P99Us,10:0.0} | {database.MedianUs / baseline.MedianUs,8:0.0}× |");
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    // A post-login flow waiting at its second Action: the sample event, two Actions' code and secrets, the outcome so far.
    private static string Payload()
    {
        var trigger = TriggerCatalog.Get("post-login");
        var code = "exports.onExecutePostLogin = async (event, api) => {\n" + string.Concat(Enumerable.Repeat("  api.idToken.setCustomClaim('https://example.com/c', event.user.app_metadata);\n", 20)) + "};\n";
        return JsonSerializer.Serialize(new
        {
            UserId = "auth0|5f7c8ec7c33c6c004bbafe82",
            ClientId = "AbCdEfGhIjKlMnOpQrStUvWxYz012345",
            AuthorizeUrl = "/authorize?client_id=AbCdEfGhIjKlMnOpQrStUvWxYz012345&response_type=code&scope=openid%20profile%20email&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&state=s1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
            Suspension = new
            {
                Request = new
                {
                    TenantId = "default", TriggerId = "post-login", EventJson = trigger.SampleEventJson,
                    Actions = new[] { "terms", "claims" }.Select(name => new { ActionId = Guid.NewGuid(), Name = name, VersionId = Guid.NewGuid(), Code = code, Secrets = new { API_KEY = "k-0123456789abcdef" } }),
                },
                ActionIndex = 0,
                Outcome = new { IdTokenClaims = new { role = "admin" }, RedirectUrl = "https://terms.example.com/accept" },
            },
        });
    }
}
