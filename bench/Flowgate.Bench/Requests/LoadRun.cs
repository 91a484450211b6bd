using System.Diagnostics;

namespace Flowgate.Bench.Requests;

/// <summary>What a closed-loop load measured: completed operations per second and their latency.</summary>
internal sealed record LoadResult(double PerSecond, double P50Ms, double P99Ms, int Completed, int Failed)
{
    /// <summary>CPU time the server (with its sandbox workers) spent per completed operation; null when not measured.</summary>
    public double? ServerCpuMs { get; init; }

    /// <summary>The part of <see cref="ServerCpuMs"/> spent in the sandbox worker processes.</summary>
    public double? WorkerCpuMs { get; init; }

    /// <summary>
    /// Runs <paramref name="operation"/> on <paramref name="connections"/> loops for <paramref name="duration"/>, each loop
    /// starting its next operation when the last one answered; at most <paramref name="maxPerLoop"/> operations per loop, so
    /// a fast server cannot make the run unbounded. First <paramref name="warmUp"/> operations unmeasured (a count, not a
    /// time: on a busy machine a timed warm-up does less and leaves the measured phase partly on unoptimized code).
    /// </summary>
    public static async Task<LoadResult> MeasureAsync(int connections, int warmUp, TimeSpan duration, int maxPerLoop, Func<int, Task<bool>> operation, int? serverPid = null)
    {
        await RunLoopsAsync(connections, TimeSpan.MaxValue, (warmUp + connections - 1) / connections, operation, null);
        var latencies = new List<double>[connections];
        var failures = new int[connections];
        var cpuBefore = serverPid is { } before ? ProcessTreeCpu.Of(before) : null;
        var started = Stopwatch.GetTimestamp();
        await RunLoopsAsync(connections, duration, maxPerLoop, operation, (loop, ms, ok) =>
        {
            // A failed operation is not throughput: it is counted apart, and the run says so.
            if (ok)
                (latencies[loop] ??= []).Add(ms);
            else
                failures[loop]++;
        });
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var (root, descendants) = serverPid is { } after ? ProcessTreeCpu.Of(after).Since(cpuBefore!) : default;
        var workers = descendants.TotalMilliseconds;
        var cpu = serverPid is null ? (double?)null : root.TotalMilliseconds + workers;
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToList();
        if (all.Count == 0)
            return new LoadResult(0, double.NaN, double.NaN, 0, failures.Sum());
        return new LoadResult(all.Count / elapsed, all[all.Count / 2], all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))], all.Count, failures.Sum())
        {
            ServerCpuMs = cpu / all.Count,
            WorkerCpuMs = serverPid is null ? null : workers / all.Count,
        };
    }

    /// <summary>The run with the median throughput's numbers, each column its own median (three runs: the middle one).</summary>
    public static LoadResult Median(IReadOnlyList<LoadResult> runs)
    {
        static double Mid(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted[sorted.Count / 2];
        }
        return new LoadResult(Mid(runs.Select(r => r.PerSecond)), Mid(runs.Select(r => r.P50Ms)), Mid(runs.Select(r => r.P99Ms)),
            runs.Sum(r => r.Completed), runs.Sum(r => r.Failed))
        {
            ServerCpuMs = runs.Any(r => r.ServerCpuMs is null) ? null : Mid(runs.Select(r => r.ServerCpuMs!.Value)),
            WorkerCpuMs = runs.Any(r => r.WorkerCpuMs is null) ? null : Mid(runs.Select(r => r.WorkerCpuMs!.Value)),
        };
    }

    private static Task RunLoopsAsync(int connections, TimeSpan duration, int maxPerLoop, Func<int, Task<bool>> operation, Action<int, double, bool>? record)
    {
        var deadline = duration == TimeSpan.MaxValue ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, connections).Select(loop => Task.Run(async () =>
        {
            for (var i = 0; i < maxPerLoop && Stopwatch.GetTimestamp() < deadline; i++)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(loop);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }
                record?.Invoke(loop, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
            }
        })));
    }
}
