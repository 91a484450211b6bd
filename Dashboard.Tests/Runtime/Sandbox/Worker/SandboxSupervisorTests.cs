using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Sandbox.Worker;
using Flowgate.Shared.Execution;

namespace Flowgate.Tests.Runtime.Sandbox.Worker;

/// <summary>Actions through real worker processes (the Flowgate.Dashboard.dll copied next to the tests).</summary>
public sealed class SandboxSupervisorTests
{
    private const string Killer = "exports.onExecutePostLogin = async (event, api) => { new Array(3e8).fill(1.5); };";
    private const string Healthy = "exports.onExecutePostLogin = async (event, api) => { api.multifactor.enable('any'); };";

    internal static SandboxSupervisor Supervisor(int workers = 1, int quarantineAfter = 3, int isolatesPerTenant = 2, bool oneTripPerFlow = true)
    {
        var sandbox = new SandboxOptions { IsolatesPerTenant = isolatesPerTenant };
        var options = SandboxWorkerOptions.ForAssembly(Path.Combine(AppContext.BaseDirectory, "Flowgate.Dashboard.dll"), sandbox);
        options.WorkerCount = workers;
        options.QuarantineAfterCrashes = quarantineAfter;
        options.OneTripPerFlow = oneTripPerFlow;
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
        // A deadline far away: on a loaded machine the fill takes over 20 s before V8 aborts, and the watchdog would end it first.
        var killer = ActionRequests.PostLogin(Killer, tenant: "killer-tenant", timeoutMs: 120_000);

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
    public async Task An_action_spinning_to_its_deadline_does_not_hold_up_another_tenant_in_the_same_worker()
    {
        await using var supervisor = Supervisor();
        Assert.Null((await supervisor.ExecuteAsync(ActionRequests.PostLogin(Healthy, tenant: "bystander"), CancellationToken.None)).Error);
        var spinner = supervisor.ExecuteAsync(ActionRequests.PostLogin("exports.onExecutePostLogin = async () => { for (;;) {} };", tenant: "spinner", timeoutMs: 6000), CancellationToken.None);
        await Task.Delay(300);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        var other = await supervisor.ExecuteAsync(ActionRequests.PostLogin(Healthy, tenant: "bystander"), CancellationToken.None);
        waited.Stop();

        Assert.Null(other.Error);
        // Without a hand-off the bystander would wait out the spinner's 6 s deadline.
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(3), $"the bystander waited {waited.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("TimeoutError", (await spinner).Error!.Name);
    }

    [Fact]
    public async Task A_version_runs_again_after_its_tenants_isolate_was_rebuilt_although_its_code_was_sent_once()
    {
        await using var supervisor = Supervisor();
        var healthy = ActionRequests.PostLogin(Healthy, tenant: "rebuilt");
        Assert.Null((await supervisor.ExecuteAsync(healthy, CancellationToken.None)).Error);

        var breach = await supervisor.ExecuteAsync(ActionRequests.PostLogin(
            "exports.onExecutePostLogin = async () => { const all = []; for (;;) all.push({ a: [1, 2, 3], b: 'x' + all.length }); };", tenant: "rebuilt"), CancellationToken.None);
        var again = await supervisor.ExecuteAsync(healthy, CancellationToken.None);

        Assert.Contains("memory", breach.Error!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(again.Error);
        Assert.Equal("multifactor.enable", again.Commands.Single().Method);
    }

    [Fact]
    public async Task A_thousand_parallel_executions_across_tenants_and_workers_all_complete()
    {
        await using var supervisor = Supervisor(workers: 2);
        var requests = Enumerable.Range(0, 1000).Select(i => ActionRequests.PostLogin(
            $"exports.onExecutePostLogin = async (event, api) => {{ api.idToken.setCustomClaim('i', {i % 5}); }};", tenant: $"w-{i % 6}"));

        var results = await Task.WhenAll(requests.Select(r => supervisor.ExecuteAsync(r, CancellationToken.None)));

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(1000, results.Count(r => r.Commands.Count == 1));
    }
}
