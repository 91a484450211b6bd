using System.Diagnostics;
using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Sandbox.Worker;
using Flowgate.Shared.Execution;

namespace Flowgate.Bench;

/// <summary>
/// Isolate pools (<c>dotnet run -c Release --project bench/Flowgate.Bench -- pool</c>): 16 concurrent executions
/// of one tenant's CPU-bound Action (≈ 20 ms alone) through a worker, with one isolate per tenant and with one per core.
/// </summary>
internal static class PoolBench
{
    private const int Concurrent = 16;

    public static async Task RunAsync(string workerDll, int rounds)
    {
        var iterations = await CalibrateAsync(TimeSpan.FromMilliseconds(20));
        var code = $"exports.onExecutePostLogin = async (event, api) => {{ let x = 0; for (let i = 0; i < {iterations}; i++) x += Math.sqrt(i); api.idToken.setCustomClaim('x', x > 0); }};";
        var rows = new List<(int Isolates, Timings Batch)>();
        foreach (var isolates in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            var options = SandboxWorkerOptions.ForAssembly(workerDll, new SandboxOptions { IsolatesPerTenant = isolates });
            options.WorkerCount = 1;
            await using var supervisor = new SandboxSupervisor(options);
            var request = FlowgateRunner.Request(Scenario.All[0], "pool", "pool-cpu", code);
            rows.Add((isolates, await Timings.MeasureAsync(2, rounds, () => BatchAsync(supervisor, request))));
        }
        Console.WriteLine($"{Concurrent} concurrent executions of a ≈ 20 ms CPU-bound Action ({iterations} iterations), one tenant, one worker, {Environment.ProcessorCount} cores:");
        Console.WriteLine($"| {"isolates per tenant",19} | {"batch median ms",15} | {"batch p99 ms",12} | {"speed-up",8} |");
        Console.WriteLine($"|{new string('-', 21)}|{new string('-', 17)}|{new string('-', 14)}|{new string('-', 10)}|");
        foreach (var (isolates, batch) in rows)
        {
            Console.WriteLine($"| {isolates,19} | {batch.MedianUs / 1000,15:0.0} | {batch.P99Us / 1000,12:0.0} | {rows[0].Batch.MedianUs / batch.MedianUs,7:0.00}× |");
        }
    }

    private static async Task BatchAsync(IActionSandbox sandbox, ActionExecutionRequest request)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => sandbox.ExecuteAsync(request, CancellationToken.None)));
        if (results.FirstOrDefault(r => r.Error is not null) is { } failed)
        {
            throw new InvalidOperationException($"The CPU-bound Action failed: {failed.Error!.Message}");
        }
    }

    // Iterations of the loop that take about `target` alone, in-process.
    private static async Task<long> CalibrateAsync(TimeSpan target)
    {
        await using var sandbox = new V8ActionSandbox();
        const long probe = 2_000_000;
        var code = $"exports.onExecutePostLogin = async (event, api) => {{ let x = 0; for (let i = 0; i < {probe}; i++) x += Math.sqrt(i); api.idToken.setCustomClaim('x', x > 0); }};";
        var request = FlowgateRunner.Request(Scenario.All[0], "calibrate", "calibrate", code);
        var timings = await Timings.MeasureAsync(3, 9, () => sandbox.ExecuteAsync(request, CancellationToken.None));
        return (long)(probe * target.TotalMicroseconds / timings.MedianUs);
    }
}
