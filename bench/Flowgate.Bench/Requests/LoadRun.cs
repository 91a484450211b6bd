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
    /// Runs <paramref name="operation"/> on <paramref name="connections"/> loops for <paramref name="duration"/> (after a warm-up of
    /// the same length's tenth), each loop starting its next operation when the last one answered; at most
    /// <paramref name="maxPerLoop"/> operations per loop, so a fast server cannot make the run unbounded.
    /// </summary>
    public static async Task<LoadResult> MeasureAsync(int connections, TimeSpan duration, int maxPerLoop, Func<int, Task<bool>> operation, int? serverPid = null)
    {
        await RunLoopsAsync(connections, duration / 10, maxPerLoop, operation, null);
        var latencies = new List<double>[connections];
        var failures = new int[connections];
        var cpuBefore = serverPid is { } before ? ProcessTreeCpu.Of(before) : default;
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
        var cpuAfter = serverPid is { } after ? ProcessTreeCpu.Of(after) : default;
        var workers = (cpuAfter.Descendants - cpuBefore.Descendants).TotalMilliseconds;
        var cpu = serverPid is null ? (double?)null : (cpuAfter.Root - cpuBefore.Root).TotalMilliseconds + workers;
        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToList();
        if (all.Count == 0)
            return new LoadResult(0, double.NaN, double.NaN, 0, failures.Sum());
        return new LoadResult(all.Count / elapsed, all[all.Count / 2], all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))], all.Count, failures.Sum())
        {
            ServerCpuMs = cpu / all.Count,
            WorkerCpuMs = serverPid is null ? null : workers / all.Count,
        };
    }

    private static Task RunLoopsAsync(int connections, TimeSpan duration, int maxPerLoop, Func<int, Task<bool>> operation, Action<int, double, bool>? record)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
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
