using System.Diagnostics;

namespace Flowgate.Bench;

/// <summary>Median and p99 of a measured loop, in microseconds.</summary>
internal sealed record Timings(double MedianUs, double P99Us, int Samples)
{
    public static Timings Of(List<double> microseconds)
    {
        microseconds.Sort();
        return new Timings(microseconds[microseconds.Count / 2], microseconds[Math.Min(microseconds.Count - 1, (int)(microseconds.Count * 0.99))], microseconds.Count);
    }

    public static async Task<Timings> MeasureAsync(int warmup, int iterations, Func<Task> run)
    {
        for (var i = 0; i < warmup; i++)
        {
            await run();
        }
        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
        return Of(samples);
    }

    public static Timings Measure(int warmup, int iterations, Action run) =>
        MeasureAsync(warmup, iterations, () => { run(); return Task.CompletedTask; }).GetAwaiter().GetResult();
}
