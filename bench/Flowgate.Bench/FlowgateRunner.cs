using System.Diagnostics;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Sandbox;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;

namespace Flowgate.Bench;

/// <summary>Flowgate's own sandbox (in-process or through a worker), warm and cold.</summary>
internal sealed class FlowgateRunner(IActionSandbox sandbox)
{
    private int _versions;

    public static ActionExecutionRequest Request(Scenario scenario, string tenant, string versionId, string? code = null) => new()
    {
        TenantId = tenant,
        TriggerId = "post-login",
        VersionId = versionId,
        Code = code ?? scenario.Code,
        Handler = "onExecutePostLogin",
        EventJson = scenario.EventJson,
    };

    public async Task<Timings> WarmAsync(Scenario scenario, int iterations)
    {
        var request = Request(scenario, "bench", "warm-" + scenario.Name);
        await sandbox.PrepareAsync(request, CancellationToken.None);
        var check = await sandbox.ExecuteAsync(request, CancellationToken.None);
        if (check.Error is not null || check.Commands.Count == 0)
        {
            throw new InvalidOperationException($"{scenario.Name} did not run: {check.Error?.Message}");
        }
        return await Timings.MeasureAsync(iterations / 2, iterations, () => sandbox.ExecuteAsync(request, CancellationToken.None));
    }

    /// <summary>
    /// The same Action as a one-Action post-login flow through <see cref="FlowExecutor"/>: what a login pays,
    /// the sandbox call plus merging its commands into the flow's outcome.
    /// </summary>
    public async Task<Timings> WarmFlowAsync(Scenario scenario, int iterations)
    {
        var request = Request(scenario, "bench", "warm-" + scenario.Name);
        await sandbox.PrepareAsync(request, CancellationToken.None);
        var executor = new FlowExecutor(sandbox);
        var flow = new FlowExecutionRequest
        {
            TenantId = request.TenantId,
            TriggerId = request.TriggerId,
            EventJson = request.EventJson,
            Actions = [new BoundAction { ActionId = "act_bench", Name = scenario.Name, VersionId = request.VersionId, Code = request.Code }],
        };
        var check = await executor.ExecuteAsync(flow, CancellationToken.None);
        if (check.Status != FlowStatus.Completed || check.Actions[0].Result.Commands.Count == 0)
        {
            throw new InvalidOperationException($"{scenario.Name} did not run as a flow: {check.Status} {check.Error?.Message}");
        }
        return await Timings.MeasureAsync(iterations / 2, iterations, () => executor.ExecuteAsync(flow, CancellationToken.None));
    }

    /// <summary>Deploy (compile + warm context) and the first execution of a new version, in an existing tenant isolate.</summary>
    public Task<Timings> DeployAndFirstRunAsync(Scenario scenario, int samples) => ColdAsync(scenario, samples, newTenant: false);

    /// <summary>The first execution of a version in a tenant that has no isolate yet (no prepare).</summary>
    public Task<Timings> NewTenantFirstRunAsync(Scenario scenario, int samples) => ColdAsync(scenario, samples, newTenant: true);

    private async Task<Timings> ColdAsync(Scenario scenario, int samples, bool newTenant)
    {
        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var n = Interlocked.Increment(ref _versions);
            var request = Request(scenario, newTenant ? $"cold-tenant-{n}" : "bench", $"cold-{n}", scenario.Code + $"\n// version {n}");
            var started = Stopwatch.GetTimestamp();
            if (!newTenant)
            {
                await sandbox.PrepareAsync(request, CancellationToken.None);
            }
            await sandbox.ExecuteAsync(request, CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
        return Timings.Of(times);
    }
}
