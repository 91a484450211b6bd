using System.Diagnostics;
using Flowgate.Shared.Execution;

namespace Flowgate.Tests.Runtime.Sandbox.Worker;

/// <summary>Many executions in flight when a worker process is killed from outside (OOM killer, operator).</summary>
public sealed class WorkerFaultTests
{
    [Fact]
    public async Task A_hundred_parallel_executions_over_five_tenants_all_end_when_a_worker_is_killed_mid_run()
    {
        await using var supervisor = SandboxSupervisorTests.Supervisor(workers: 2, quarantineAfter: 100);
        var code = "exports.onExecutePostLogin = async (event, api) => { const end = Date.now() + 5; while (Date.now() < end) {} api.idToken.setCustomClaim('ok', 1); };";
        foreach (var tenant in Enumerable.Range(0, 5))
        {
            Assert.Null((await supervisor.ExecuteAsync(ActionRequests.PostLogin(code, tenant: $"fault-{tenant}"), CancellationToken.None)).Error);
        }
        var victim = supervisor.WorkerProcessIds[0];

        var running = Enumerable.Range(0, 100).Select(i => supervisor.ExecuteAsync(ActionRequests.PostLogin(code, tenant: $"fault-{i % 5}"), CancellationToken.None)).ToArray();
        using (var process = Process.GetProcessById(victim))
        {
            process.Kill();
        }
        var results = await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(100, results.Length);
        Assert.All(results, r => Assert.True(r.Error is null ? r.Commands.Count == 1 : r.Error.Class == ActionErrorClass.PlatformError, r.Error?.Message));
        Assert.Contains(results, r => r.Error?.Name == "WorkerCrashError");
        foreach (var tenant in Enumerable.Range(0, 5))
        {
            Assert.Null((await supervisor.ExecuteAsync(ActionRequests.PostLogin(code, tenant: $"fault-{tenant}"), CancellationToken.None)).Error);
        }
    }
}
