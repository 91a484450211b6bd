using System.Diagnostics;

namespace Flowgate.Bench.Requests;

/// <summary>
/// Two servers (their own processes) on one PostgreSQL database, a post-login Action bound, and concurrent hosted
/// password logins alternating between them (a user each): how many end with tokens, how long they take. The server
/// comes from <c>FLOWGATE_BENCH_POSTGRES</c> (or <c>./test.sh</c>'s <c>FLOWGATE_TEST_POSTGRES</c>), a connection
/// string whose user may create databases; a database of its own is created and dropped.
/// </summary>
internal static class TwoInstanceBench
{
    public static Task RunAsync(string dashboardDll, int logins) =>
        BenchPostgres.WithDatabaseAsync(connectionString => MeasureAsync(dashboardDll, connectionString, logins), maxPoolSize: 200);

    private static async Task MeasureAsync(string dashboardDll, string connectionString, int logins)
    {
        var directory = Directory.CreateTempSubdirectory("flowgate-bench-two-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSQL", ["Database__ConnectionString"] = connectionString,
            // Production marks the hosted pages' cookies Secure, which this plain-http client never sends back; each
            // login then stays on one instance (its issuer is its own address), alternating login by login.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        var (first, clientId, clientSecret) = await DashboardServer.StartAsync(dashboardDll, settings, directory);
        await using var _ = first;
        var (second, _, _) = await DashboardServer.StartAsync(dashboardDll, settings, directory);
        await using var __ = second;
        var tenant = await BenchTenant.ConnectAsync(first.Address, clientId, clientSecret);
        await tenant.BindPostLoginActionAsync();
        var spa = await tenant.CreateSpaAsync();
        var emails = new string[logins];
        await Parallel.ForAsync(0, logins, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => emails[i] = await tenant.CreateUserAsync());

        using var handlerA = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = logins };
        using var handlerB = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = logins };
        using var viaFirst = new HttpClient(handlerA) { BaseAddress = first.Address, Timeout = TimeSpan.FromMinutes(5) };
        using var viaSecond = new HttpClient(handlerB) { BaseAddress = second.Address, Timeout = TimeSpan.FromMinutes(5) };
        HttpClient[] instances = [viaFirst, viaSecond];

        var total = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, logins).Select(async i =>
        {
            var one = Stopwatch.StartNew();
            bool ok;
            try { ok = await new HostedPasswordLogin(instances[i % 2], spa, emails[i]).RunAsync(); }
            catch (HttpRequestException) { ok = false; }
            return (ok, one.Elapsed.TotalMilliseconds);
        }));
        total.Stop();

        var times = results.Select(r => r.TotalMilliseconds).Order().ToArray();
        double Percentile(double p) => times[Math.Min(times.Length - 1, (int)(p * times.Length))];
        Console.WriteLine($"two instances on one PostgreSQL, {logins} concurrent hosted password logins (post-login Action bound), alternating, {Environment.ProcessorCount} cores");
        Console.WriteLine($"| succeeded | failed | wall s | logins/s | p50 ms | p99 ms | max ms |");
        Console.WriteLine($"|-----------|--------|--------|----------|--------|--------|--------|");
        Console.WriteLine($"| {results.Count(r => r.ok),9} | {results.Count(r => !r.ok),6} | {total.Elapsed.TotalSeconds,6:0.0} | {logins / total.Elapsed.TotalSeconds,8:0.0} | {Percentile(0.5),6:0} | {Percentile(0.99),6:0} | {times[^1],6:0} |");
    }
}
