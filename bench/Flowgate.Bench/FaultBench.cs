using System.Diagnostics;
using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Sandbox.Worker;
using Flowgate.Shared.Execution;

namespace Flowgate.Bench;

/// <summary>
/// Load and fault (<c>dotnet run -c Release --project bench/Flowgate.Bench -- fault</c>): 1,000 parallel executions
/// across 10 tenants through two workers, one of which is killed mid-run. Every execution must end, as a success
/// or as <c>platform_error</c>; the run fails if one hangs or is lost.
/// </summary>
internal static class FaultBench
{
    public static async Task RunAsync(string workerDll, int executions, int tenants)
    {
        var options = SandboxWorkerOptions.ForAssembly(workerDll);
        options.WorkerCount = 2;
        options.QuarantineAfterCrashes = int.MaxValue;
        await using var supervisor = new SandboxSupervisor(options);
        var code = "exports.onExecutePostLogin = async (event, api) => { const end = Date.now() + 2; while (Date.now() < end) {} api.idToken.setCustomClaim('ok', 1); };";
        ActionExecutionRequest Request(int i) => FlowgateRunner.Request(Scenario.All[0], $"fault-{i % tenants}", "fault-cpu", code);
        await Task.WhenAll(Enumerable.Range(0, tenants).Select(i => supervisor.ExecuteAsync(Request(i), CancellationToken.None)));

        var clock = Stopwatch.StartNew();
        var running = Enumerable.Range(0, executions).Select(i => supervisor.ExecuteAsync(Request(i), CancellationToken.None)).ToArray();
        await Task.Delay(50);
        using (var victim = Process.GetProcessById(supervisor.WorkerProcessIds[0]))
        {
            victim.Kill();
        }
        var results = await Task.WhenAll(running).WaitAsync(TimeSpan.FromMinutes(2));
        clock.Stop();

        var succeeded = results.Count(r => r.Error is null);
        var platform = results.Count(r => r.Error?.Class == ActionErrorClass.PlatformError);
        var other = results.Length - succeeded - platform;
        Console.WriteLine($"{executions} parallel executions over {tenants} tenants and 2 workers, one worker killed after 50 ms:");
        Console.WriteLine($"| {"ended",6} | {"succeeded",9} | {"platform_error",14} | {"other",5} | {"wall ms",8} |");
        Console.WriteLine($"|{new string('-', 8)}|{new string('-', 11)}|{new string('-', 16)}|{new string('-', 7)}|{new string('-', 10)}|");
        Console.WriteLine($"| {results.Length,6} | {succeeded,9} | {platform,14} | {other,5} | {clock.Elapsed.TotalMilliseconds,8:0} |");
        foreach (var failure in results.Where(r => r.Error is not null).GroupBy(r => $"{r.Error!.Class} {r.Error.Name}: {r.Error.Message}"))
        {
            Console.WriteLine($"  {failure.Count()} × {failure.Key}");
        }
        if (other > 0 || results.Length != executions)
        {
            throw new InvalidOperationException("An execution ended neither as a success nor as platform_error.");
        }
    }
}
