using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Sandbox.Worker;
using Flowgate.Shared.Execution;

namespace Flowgate.Tests.Runtime.Sandbox.Worker;

/// <summary>Actions through real worker processes (the Flowgate.Dashboard.dll copied next to the tests).</summary>
public sealed class SandboxSupervisorTests
{
    private const string Killer = "exports.onExecutePostLogin = async (event, api) => { new Array(3e8).fill(1.5); };";
    private const string Healthy = "exports.onExecutePostLogin = async (event, api) => { api.multifactor.enable('any'); };";

    private static SandboxSupervisor Supervisor(int workers = 1, int quarantineAfter = 3)
    {
        var options = SandboxWorkerOptions.ForAssembly(Path.Combine(AppContext.BaseDirectory, "Flowgate.Dashboard.dll"), new SandboxOptions());
        options.WorkerCount = workers;
        options.QuarantineAfterCrashes = quarantineAfter;
        return new SandboxSupervisor(options);
    }

    [Fact]
    public async Task Runs_an_action_in_a_worker_with_the_same_result_as_in_process()
    {
        await using var supervisor = Supervisor();
        var request = ActionRequests.PostLogin("exports.onExecutePostLogin = async (event, api) => { console.log(event.user.email); api.idToken.setCustomClaim('n', [1, 'two']); };");

        Assert.Null(await supervisor.PrepareAsync(request, CancellationToken.None));
        var result = await supervisor.ExecuteAsync(request, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("""["n",[1,"two"]]""", result.Commands.Single().Args());
        Assert.Equal(["j+smith@example.com"], result.Logs);
        Assert.True(result.Stats.Warm);
    }

    [Fact]
    public async Task A_process_killing_action_fails_as_platform_error_the_worker_restarts_and_the_version_is_quarantined()
    {
        await using var supervisor = Supervisor(quarantineAfter: 1);
        var killer = ActionRequests.PostLogin(Killer, tenant: "killer-tenant");

        var crashed = await supervisor.ExecuteAsync(killer, CancellationToken.None);
        var afterRestart = await supervisor.ExecuteAsync(ActionRequests.PostLogin(Healthy, tenant: "killer-tenant"), CancellationToken.None);
        var refused = await supervisor.ExecuteAsync(killer, CancellationToken.None);

        Assert.Equal(ActionErrorClass.PlatformError, crashed.Error!.Class);
        Assert.Contains("sandbox worker process ended", crashed.Error.Message);
        Assert.Null(afterRestart.Error);
        Assert.Equal("QuarantinedError", refused.Error!.Name);
        Assert.Contains(killer.VersionId, supervisor.QuarantinedVersions);
    }

    [Fact]
    public async Task Parallel_executions_across_tenants_and_workers_all_complete()
    {
        await using var supervisor = Supervisor(workers: 2);
        var requests = Enumerable.Range(0, 400).Select(i => ActionRequests.PostLogin(
            $"exports.onExecutePostLogin = async (event, api) => {{ api.idToken.setCustomClaim('i', {i % 5}); }};", tenant: $"w-{i % 6}"));

        var results = await Task.WhenAll(requests.Select(r => supervisor.ExecuteAsync(r, CancellationToken.None)));

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(400, results.Count(r => r.Commands.Count == 1));
    }
}
