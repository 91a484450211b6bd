namespace Flowgate.Bench.Requests;

/// <summary>The request bench's runs per server and row, printed as medians with the targets' ratios.</summary>
internal sealed class RequestRows
{
    public const string Bare = "client_credentials, no Action bound";
    public const string Bound = "client_credentials, 3 Actions bound";
    public const string Hash = "password hash alone";
    public const string Login = "hosted password login (5 requests)";

    private readonly Dictionary<(string Server, string Row), List<LoadResult>> _runs = [];

    public void Add(string server, string row, LoadResult result)
    {
        Console.Error.WriteLine($"  {server}, {row}: {result.PerSecond:0.0}/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, " +
            $"{result.ServerCpuMs:0.00} ms CPU each, {result.Failed} failed");
        (_runs.TryGetValue((server, row), out var runs) ? runs : _runs[(server, row)] = []).Add(result);
    }

    public void Print(TextWriter output, TimeSpan duration, IReadOnlyList<string> servers)
    {
        var hash = Median("bench process", Hash);
        output.WriteLine($"whole requests on {Environment.ProcessorCount} cores (servers and this client on one machine), median of " +
            $"{_runs.Values.First().Count} runs of {duration.TotalSeconds:0} s per row, each after a fixed warm-up");
        output.WriteLine($"| {"server",-13} | {"request",-36} | {"per second",10} | {"p50 ms",8} | {"p99 ms",8} | {"failed",6} | {"server CPU ms each",18} | {"of it in workers",16} |");
        output.WriteLine($"|{new string('-', 15)}|{new string('-', 38)}|{new string('-', 12)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 8)}|{new string('-', 20)}|{new string('-', 18)}|");
        Row(output, "bench process", Hash, hash);
        foreach (var server in servers)
        {
            foreach (var row in new[] { Bare, Bound, Login })
                Row(output, server, row, Median(server, row));
        }
        output.WriteLine();
        foreach (var server in servers)
        {
            var (bare, bound, login) = (Median(server, Bare), Median(server, Bound), Median(server, Login));
            output.WriteLine($"{server}: 3 bound Actions cost {(1 - bound.PerSecond / bare.PerSecond) * 100:0.0} % of grant throughput, " +
                $"{(bound.ServerCpuMs / bare.ServerCpuMs - 1) * 100:0.0} % of server CPU per grant (target ≤ 5 %); " +
                $"{1000 / bare.ServerCpuMs:0} bare grants per server-CPU-second (target ≥ 500)");
            output.WriteLine($"{server}: logins/s {login.PerSecond:0.0} beside hashes/s {hash.PerSecond:0.0} (×{hash.PerSecond / login.PerSecond:0.00}); " +
                $"server CPU per login {login.ServerCpuMs:0.0} ms against {hash.ServerCpuMs:0.0} ms per hash: " +
                $"{(login.ServerCpuMs / hash.ServerCpuMs - 1) * 100:0.0} % around the hash (target ≤ 10 %)");
        }
        if (servers.Count == 2)
        {
            foreach (var row in new[] { Bare, Bound, Login })
            {
                var (after, before) = (Median(servers[0], row), Median(servers[1], row));
                output.WriteLine($"{row}: {servers[0]} / {servers[1]} = ×{after.PerSecond / before.PerSecond:0.00} throughput, " +
                    $"×{after.ServerCpuMs / before.ServerCpuMs:0.00} server CPU each");
            }
        }
    }

    private LoadResult Median(string server, string row) => LoadResult.Median(_runs[(server, row)]);

    private static void Row(TextWriter output, string server, string name, LoadResult r) =>
        output.WriteLine($"| {server,-13} | {name,-36} | {r.PerSecond,10:0.0} | {r.P50Ms,8:0.0} | {r.P99Ms,8:0.0} | {r.Failed,6} | {r.ServerCpuMs,18:0.00} | {r.WorkerCpuMs,16:0.00} |");
}
