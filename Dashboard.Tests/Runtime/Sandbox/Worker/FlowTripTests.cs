using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Sandbox.Cache;
using Flowgate.Runtime.Sandbox.Worker;
using Flowgate.Runtime.Triggers;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;

namespace Flowgate.Tests.Runtime.Sandbox.Worker;

/// <summary>A flow's Actions in one trip to a real worker process: what crosses the pipe, what the Actions see, what a stuck one costs.</summary>
public sealed class FlowTripTests
{
    // V8's sort of a huge sparse array never checks for the deadline's interrupt (see WatchdogTests).
    private const string SpinningSort = "exports.onExecutePostLogin = async (event, api) => { const a = []; a[2**31] = 1; a.sort(); };";

    private static string Handler(string body) => "exports.onExecutePostLogin = async (event, api) => { " + body + " };";

    private static BoundAction Action(string name, string code, ActionFailurePolicy policy = ActionFailurePolicy.FailTrigger) => new()
    {
        ActionId = "act_" + name, Name = name, VersionId = ActionRequests.PostLogin(code).VersionId, Code = code, FailurePolicy = policy,
    };

    private static FlowExecutionRequest Flow(string tenant, int? budgetMs, params BoundAction[] actions) => new()
    {
        TenantId = tenant, TriggerId = "post-login", EventJson = TriggerCatalog.Get("post-login").SampleEventJson, Actions = actions, TimeoutMs = budgetMs,
    };

    private static FlowExecutor Executor(SandboxSupervisor supervisor, ActionCaches? caches = null) =>
        new(new CachingSandbox(supervisor, caches ?? new ActionCaches(TimeProvider.System)));

    private static readonly BoundAction[] ThreeClaims =
    [
        Action("one", Handler("api.accessToken.setCustomClaim('one', 1);")),
        Action("two", Handler("api.accessToken.setCustomClaim('two', 2);")),
        Action("three", Handler("api.accessToken.setCustomClaim('three', 3);")),
    ];

    [Fact]
    public async Task A_three_Action_flow_is_one_request_to_the_worker_and_each_Action_keeps_its_own_result_and_times()
    {
        await using var supervisor = SandboxSupervisorTests.Supervisor();
        var executor = Executor(supervisor);
        await executor.ExecuteAsync(Flow("one-trip", null, ThreeClaims), CancellationToken.None);

        var before = supervisor.RequestsSent;
        var result = await executor.ExecuteAsync(Flow("one-trip", null, ThreeClaims), CancellationToken.None);

        Assert.Equal(1, supervisor.RequestsSent - before);
        Assert.Equal(FlowStatus.Completed, result.Status);
        Assert.Equal([1, 2, 3], new[] { "one", "two", "three" }.Select(c => result.Outcome.AccessTokenClaims[c].GetInt32()));
        Assert.Equal(["one", "two", "three"], result.Actions.Select(a => a.ActionName));
        Assert.All(result.Actions, a => Assert.True(a.Result.Succeeded && a.StartedAt <= a.EndedAt && a.Result.Stats.Warm));
        Assert.True(result.Actions[0].EndedAt <= result.Actions[1].StartedAt && result.Actions[1].EndedAt <= result.Actions[2].StartedAt);
    }

    [Fact]
    public async Task Without_one_trip_per_flow_each_Action_is_its_own_request()
    {
        await using var supervisor = SandboxSupervisorTests.Supervisor(oneTripPerFlow: false);
        var executor = Executor(supervisor);
        await executor.ExecuteAsync(Flow("trip-per-action", null, ThreeClaims), CancellationToken.None);

        var before = supervisor.RequestsSent;
        var result = await executor.ExecuteAsync(Flow("trip-per-action", null, ThreeClaims), CancellationToken.None);

        Assert.Equal(3, supervisor.RequestsSent - before);
        Assert.Equal(3, result.Outcome.AccessTokenClaims.Count);
    }

    [Fact]
    public async Task Metadata_and_cache_writes_reach_the_next_Action_of_the_trip_and_the_writes_are_kept_in_order()
    {
        await using var supervisor = SandboxSupervisorTests.Supervisor();
        var caches = new ActionCaches(TimeProvider.System);
        var executor = Executor(supervisor, caches);
        var flow = Flow("trip-state", null,
            Action("write", Handler("api.user.setAppMetadata('plan', 'gold'); api.cache.set('token', 't1'); api.cache.set('gone', 'soon');")),
            Action("read", Handler("""
                api.accessToken.setCustomClaim('plan', event.user.app_metadata.plan);
                api.accessToken.setCustomClaim('token', api.cache.get('token')?.value ?? null);
                api.cache.delete('gone');
                """)));

        var before = supervisor.RequestsSent;
        var result = await executor.ExecuteAsync(flow, CancellationToken.None);

        Assert.Equal(1, supervisor.RequestsSent - before);
        Assert.Equal("gold", result.Outcome.AccessTokenClaims["plan"].GetString());
        Assert.Equal("t1", result.Outcome.AccessTokenClaims["token"].GetString());
        Assert.Equal("gold", result.Outcome.AppMetadata["plan"]!.Value.GetString());
        // The next login (another trip) sees the set record, and not the one the second Action deleted.
        var next = await executor.ExecuteAsync(Flow("trip-state", null,
            Action("token", Handler("api.accessToken.setCustomClaim('token', api.cache.get('token')?.value ?? null);")),
            Action("gone", Handler("api.accessToken.setCustomClaim('gone', api.cache.get('gone')?.value ?? null);"))), CancellationToken.None);
        Assert.Equal("t1", next.Outcome.AccessTokenClaims["token"].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, next.Outcome.AccessTokenClaims["gone"].ValueKind);
    }

    [Fact]
    public async Task A_stuck_second_Action_fails_the_flow_as_its_timeout_keeps_the_first_result_and_quarantines_only_its_version()
    {
        await using var supervisor = SandboxSupervisorTests.Supervisor(quarantineAfter: 1, isolatesPerTenant: 1);
        var executor = Executor(supervisor);
        var first = Action("first", Handler("api.accessToken.setCustomClaim('first', true);"));
        var sort = Action("Sort everything", SpinningSort);
        // A warm worker: its start must not eat into the flow's budget (the watchdog's backstop is timed from the send).
        await executor.ExecuteAsync(Flow("stuck-trip", null, ThreeClaims), CancellationToken.None);

        var result = await executor.ExecuteAsync(Flow("stuck-trip", 1500, first, sort, Action("never", Handler("api.accessToken.setCustomClaim('never', 1);"))),
            CancellationToken.None);

        Assert.Equal(FlowStatus.Failed, result.Status);
        Assert.Equal(["first", "Sort everything"], result.Actions.Select(a => a.ActionName));
        Assert.Equal("accessToken.setCustomClaim", result.Actions[0].Result.Commands.Single().Method);
        Assert.Null(result.Actions[0].Result.Error);
        Assert.Equal(ActionErrorClass.ActionTimeout, result.Error!.Class);
        Assert.Contains("'Sort everything' did not finish within", result.Error.Message);
        Assert.Same(result.Error, result.Actions[1].Result.Error);
        Assert.True(supervisor.IsQuarantined(sort.VersionId));
        Assert.False(supervisor.IsQuarantined(first.VersionId));
        // The replacement worker runs the first Action's flows in one trip again.
        var before = supervisor.RequestsSent;
        var again = await executor.ExecuteAsync(Flow("stuck-trip", null, first, Action("second", Handler("api.accessToken.setCustomClaim('second', 2);"))),
            CancellationToken.None);
        Assert.Equal(FlowStatus.Completed, again.Status);
        Assert.Equal(1, supervisor.RequestsSent - before);
    }

    [Fact]
    public async Task A_stuck_Action_that_may_fail_lets_the_rest_of_the_flow_run_on_the_replacement_worker()
    {
        await using var supervisor = SandboxSupervisorTests.Supervisor(isolatesPerTenant: 1);
        var executor = Executor(supervisor);
        await executor.ExecuteAsync(Flow("stuck-continues", null, ThreeClaims), CancellationToken.None);

        var result = await executor.ExecuteAsync(Flow("stuck-continues", 1500,
            Action("before", Handler("api.user.setAppMetadata('step', 'before'); api.accessToken.setCustomClaim('before', true);")),
            Action("sort", SpinningSort, ActionFailurePolicy.Continue),
            Action("after", Handler("api.accessToken.setCustomClaim('sawBefore', event.user.app_metadata.step);"))), CancellationToken.None);

        Assert.True(result.Status == FlowStatus.Completed, $"{result.Status}: {result.Error} / {string.Join(" | ", result.Actions.Select(a => a.ActionName + " " + a.Result.Error))}");
        Assert.Equal(["before", "sort", "after"], result.Actions.Select(a => a.ActionName));
        Assert.Equal(ActionErrorClass.ActionTimeout, result.Actions[1].Result.Error!.Class);
        Assert.True(result.Outcome.AccessTokenClaims["before"].GetBoolean());
        Assert.Equal("before", result.Outcome.AccessTokenClaims["sawBefore"].GetString());
    }

    [Fact]
    public async Task A_trip_whose_worker_crashes_counts_no_version_and_its_Actions_then_go_one_by_one_so_the_killer_is_found()
    {
        await using var supervisor = SandboxSupervisorTests.Supervisor(quarantineAfter: 1);
        var executor = Executor(supervisor);
        var healthy = Action("healthy", Handler("api.accessToken.setCustomClaim('healthy', true);"));
        // A deadline far away: on a loaded machine the fill takes long before V8 aborts, and the watchdog would end it first.
        var killer = Action("killer", "exports.onExecutePostLogin = async (event, api) => { new Array(3e8).fill(1.5); };");

        var crashed = await executor.ExecuteAsync(Flow("crash-trip", 240_000, healthy, killer), CancellationToken.None);

        Assert.Equal(FlowStatus.Failed, crashed.Status);
        Assert.Equal(ActionErrorClass.PlatformError, crashed.Error!.Class);
        Assert.Empty(supervisor.QuarantinedVersions);
        var before = supervisor.RequestsSent;
        var alone = await executor.ExecuteAsync(Flow("crash-trip", 240_000, healthy, killer), CancellationToken.None);
        Assert.Equal(2, supervisor.RequestsSent - before);
        Assert.Null(alone.Actions[0].Result.Error);
        Assert.Equal(ActionErrorClass.PlatformError, alone.Actions[1].Result.Error!.Class);
        Assert.Equal([killer.VersionId], supervisor.QuarantinedVersions);
    }
}
