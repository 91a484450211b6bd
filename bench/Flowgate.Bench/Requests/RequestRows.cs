namespace Flowgate.Bench.Requests;

/// <summary>
/// The request bench's slices per server and row, printed as medians, and the ratios between compared rows, each the
/// median of the ratios of adjacent slices (see <see cref="InterleavedWalk"/>) with their spread beside it.
/// </summary>
internal sealed class RequestRows
{
    public const string Bare = "client_credentials, no Action bound";
    public const string Bound = "client_credentials, 3 Actions bound";
    public const string Hash = "password hash alone";
    public const string Login = "hosted password login (5 requests)";
    public const string BenchProcess = "bench process";

    private readonly IReadOnlyList<string> _servers;
    private readonly Dictionary<(string Server, string Row), List<LoadResult>> _slices = [];

    // Numerator and denominator of each reported ratio, with the per-pair ratios of throughput and of CPU per operation.
    private readonly Dictionary<((string Server, string Row) Numerator, (string Server, string Row) Denominator), List<(double PerSecond, double Cpu)>> _pairs = [];

    public RequestRows(IReadOnlyList<string> servers)
    {
        _servers = servers;
        foreach (var server in servers)
        {
            _pairs[((server, Bound), (server, Bare))] = [];
            _pairs[((server, Login), (BenchProcess, Hash))] = [];
        }
        if (servers.Count == 2)
        {
            foreach (var row in new[] { Bare, Bound, Login })
                _pairs[((servers[0], row), (servers[1], row))] = [];
        }
    }

    public void Add(string server, string row, LoadResult result)
    {
        Console.Error.WriteLine($"  {server}, {row}: {result.PerSecond:0.0}/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, " +
            $"{result.ServerCpuMs:0.00} ms CPU each, {result.Failed} failed");
        (_slices.TryGetValue((server, row), out var slices) ? slices : _slices[(server, row)] = []).Add(result);
    }

    /// <summary>Two slices measured one right after the other: when their rows are compared, one pair of that comparison.</summary>
    public void AddAdjacent(RequestPhase first, LoadResult a, RequestPhase second, LoadResult b)
    {
        if (_pairs.TryGetValue(((first.Server, first.Row), (second.Server, second.Row)), out var pairs))
            pairs.Add(Ratio(a, b));
        else if (_pairs.TryGetValue(((second.Server, second.Row), (first.Server, first.Row)), out pairs))
            pairs.Add(Ratio(b, a));
    }

    // A slice that completed nothing has no CPU per operation: its pairs are NaN, left out of the spread.
    private static (double PerSecond, double Cpu) Ratio(LoadResult numerator, LoadResult denominator) =>
        (numerator.PerSecond / denominator.PerSecond, (numerator.ServerCpuMs ?? double.NaN) / (denominator.ServerCpuMs ?? double.NaN));

    public void Print(TextWriter output, string slices)
    {
        var hash = Median(BenchProcess, Hash);
        output.WriteLine($"whole requests on {Environment.ProcessorCount} cores (servers and this client on one machine), median of " +
            $"{slices}, interleaved, each after a fixed warm-up; ratios: median of the ratios of adjacent slices " +
            "[interquartile range, all, pairs]");
        output.WriteLine($"| {"server",-13} | {"request",-36} | {"per second",10} | {"p50 ms",8} | {"p99 ms",8} | {"failed",6} | {"server CPU ms each",18} | {"of it in workers",16} |");
        output.WriteLine($"|{new string('-', 15)}|{new string('-', 38)}|{new string('-', 12)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 8)}|{new string('-', 20)}|{new string('-', 18)}|");
        Row(output, BenchProcess, Hash, hash);
        foreach (var server in _servers)
        {
            foreach (var row in new[] { Bare, Bound, Login })
                Row(output, server, row, Median(server, row));
        }
        output.WriteLine();
        foreach (var server in _servers)
        {
            var (bare, login) = (Median(server, Bare), Median(server, Login));
            var (boundPerSecond, boundCpu) = Ratios((server, Bound), (server, Bare));
            output.WriteLine($"{server}: 3 bound Actions cost {boundPerSecond.Map(r => (1 - r) * 100).Format("0.0", suffix: " %")} of grant throughput, " +
                $"{boundCpu.Map(r => (r - 1) * 100).Format("0.0", suffix: " %")} of server CPU per grant (target ≤ 5 %); " +
                $"{1000 / bare.ServerCpuMs:0} bare grants per server-CPU-second (target ≥ 500)");
            var (loginPerSecond, loginCpu) = Ratios((server, Login), (BenchProcess, Hash));
            output.WriteLine($"{server}: logins/s {login.PerSecond:0.0} beside hashes/s {hash.PerSecond:0.0} " +
                $"({loginPerSecond.Map(r => 1 / r).Format("0.00", prefix: "×")}); server CPU per login {login.ServerCpuMs:0.0} ms " +
                $"against {hash.ServerCpuMs:0.0} ms per hash: {loginCpu.Map(r => (r - 1) * 100).Format("0.0", suffix: " %")} around the hash (target ≤ 10 %)");
        }
        if (_servers.Count == 2)
        {
            foreach (var row in new[] { Bare, Bound, Login })
            {
                var (perSecond, cpu) = Ratios((_servers[0], row), (_servers[1], row));
                output.WriteLine($"{row}: {_servers[0]} / {_servers[1]} = {perSecond.Format("0.00", prefix: "×")} throughput, " +
                    $"{cpu.Format("0.00", prefix: "×")} server CPU each");
            }
        }
    }

    private (RatioSpread PerSecond, RatioSpread Cpu) Ratios((string, string) numerator, (string, string) denominator)
    {
        var pairs = _pairs[(numerator, denominator)];
        return (RatioSpread.Of(pairs.Select(p => p.PerSecond)), RatioSpread.Of(pairs.Select(p => p.Cpu)));
    }

    private LoadResult Median(string server, string row) => LoadResult.Median(_slices[(server, row)]);

    private static void Row(TextWriter output, string server, string name, LoadResult r) =>
        output.WriteLine($"| {server,-13} | {name,-36} | {r.PerSecond,10:0.0} | {r.P50Ms,8:0.0} | {r.P99Ms,8:0.0} | {r.Failed,6} | {r.ServerCpuMs,18:0.00} | {r.WorkerCpuMs,16:0.00} |");
}
