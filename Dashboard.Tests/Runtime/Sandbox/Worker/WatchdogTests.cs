using System.Diagnostics;
using Flowgate.Shared.Execution;

namespace Flowgate.Tests.Runtime.Sandbox.Worker;

/// <summary>The supervisor's watchdog against an Action V8 cannot interrupt, with real worker processes.</summary>
public sealed class WatchdogTests
{
    // V8's sort of a huge sparse array never checks for the deadline's interrupt: measured spinning for minutes.
    private const string SpinningSort = "exports.onExecutePostLogin = async (event, api) => { const a = []; a[2**31] = 1; a.sort(); };";
    private const string Trivial = "exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('ok', 1); };";

    [Fact]
    public async Task A_sort_that_ignores_the_deadline_fails_as_a_timeout_and_what_waited_behind_it_is_sent_again()
    {
        // One isolate per tenant: the trivial Action has to wait behind the sort, in the worker the watchdog ends.
        await using var supervisor = SandboxSupervisorTests.Supervisor(quarantineAfter: 1, isolatesPerTenant: 1);
        var trivial = ActionRequests.PostLogin(Trivial, tenant: "sorting");
        Assert.Null((await supervisor.ExecuteAsync(trivial, CancellationToken.None)).Error);
        var sort = ActionRequests.PostLogin(SpinningSort, tenant: "sorting", timeoutMs: 1500) with { ActionName = "Sort everything" };

        var clock = Stopwatch.StartNew();
        var spinning = supervisor.ExecuteAsync(sort, CancellationToken.None);
        var queuedBehind = supervisor.ExecuteAsync(trivial, CancellationToken.None);
        var timedOut = await spinning;
        clock.Stop();

        Assert.Equal(ActionErrorClass.ActionTimeout, timedOut.Error!.Class);
        Assert.Contains("'Sort everything' did not finish within 1500 ms", timedOut.Error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5 + 2), $"the timeout came after {clock.Elapsed.TotalMilliseconds:0} ms");
        var sentAgain = await queuedBehind;
        Assert.Null(sentAgain.Error);
        Assert.Equal("idToken.setCustomClaim", sentAgain.Commands.Single().Method);
        Assert.Null((await supervisor.ExecuteAsync(trivial, CancellationToken.None)).Error);
        // It ended a worker: it counts toward quarantine, the Action that merely waited does not.
        Assert.True(supervisor.IsQuarantined(sort.VersionId));
        Assert.False(supervisor.IsQuarantined(trivial.VersionId));
    }

    [Fact]
    public async Task Top_level_code_that_ignores_the_deadline_fails_its_prepare_as_a_timeout()
    {
        await using var supervisor = SandboxSupervisorTests.Supervisor();
        var atLoad = ActionRequests.PostLogin("const a = []; a[2**31] = 1; a.sort();\n" + Trivial, tenant: "sorting-at-load", timeoutMs: 1000);

        var error = await supervisor.PrepareAsync(atLoad, CancellationToken.None);

        Assert.Equal(ActionErrorClass.ActionTimeout, error!.Class);
        Assert.Null((await supervisor.ExecuteAsync(ActionRequests.PostLogin(Trivial, tenant: "sorting-at-load"), CancellationToken.None)).Error);
    }

    [Fact]
    public async Task A_busy_action_does_not_hold_up_a_trivial_one_of_the_same_tenant()
    {
        await using var supervisor = SandboxSupervisorTests.Supervisor(isolatesPerTenant: 2);
        var trivial = ActionRequests.PostLogin(Trivial, tenant: "busy");
        Assert.Null((await supervisor.ExecuteAsync(trivial, CancellationToken.None)).Error);

        var busy = supervisor.ExecuteAsync(ActionRequests.PostLogin(
            "exports.onExecutePostLogin = async () => { const end = Date.now() + 1500; while (Date.now() < end) {} };", tenant: "busy", timeoutMs: 10_000), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var answered = await supervisor.ExecuteAsync(trivial, CancellationToken.None);
        clock.Stop();

        Assert.Null(answered.Error);
        // With one isolate per tenant the trivial Action would wait out the 1.5 s loop.
        Assert.False(busy.IsCompleted, $"the trivial Action answered after {clock.Elapsed.TotalMilliseconds:0} ms, once the busy one had finished");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the trivial Action answered after {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Null((await busy).Error);
    }
}
