using System.Collections.Concurrent;
using Flowgate.Runtime.Actions.Canaries;
using Flowgate.Shared.Flows;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// Watches the runs of Actions under a canary and rolls a canary back once, after at least its minimum number of
/// executions, its failure rate passes the threshold. Counts are kept in memory per instance, from the runs this
/// instance recorded: no database read per execution, and a canary failing at some rate fails at that rate on every
/// instance, so each judges it alike; whichever instance decides first rolls it back, with one conditional UPDATE
/// (<see cref="CanaryTransitions"/>) that the others then find already applied.
/// </summary>
public sealed class CanaryGuard(CanaryTransitions transitions, ILogger<CanaryGuard> logger)
{
    private readonly ConcurrentDictionary<(string TenantId, string CanaryVersionId), Tally> _tallies = new();

    /// <summary>Counts a finished (or suspended) run; when a canary in it fails past its threshold, rolls the canary back before returning.</summary>
    public async Task ObserveAsync(FlowExecutionRequest request, FlowExecutionResult result, CancellationToken cancellationToken)
    {
        foreach (var run in result.Actions)
        {
            if (request.Actions.FirstOrDefault(a => a.ActionId == run.ActionId && a.VersionId == run.VersionId)?.Canary is not { } policy)
                continue;
            var tally = _tallies.GetOrAdd((request.TenantId, policy.CanaryVersionId), _ => new Tally());
            var failed = run.Result.Error is not null;
            tally.Count(canary: run.VersionId == policy.CanaryVersionId, failed);
            if (tally.Failing(policy) && tally.Claim())
                await RollBackAsync(request.TenantId, run.ActionId, policy, tally.Snapshot(), cancellationToken);
        }
    }

    private async Task RollBackAsync(string tenantId, string actionId, CanaryPolicy policy, CanaryTally tally, CancellationToken cancellationToken)
    {
        logger.LogWarning("Canary {VersionId} of Action {ActionId} failed {Failures} of {Executions} executions: rolling it back",
            policy.CanaryVersionId, actionId, tally.CanaryFailures, tally.CanaryExecutions);
        try
        {
            await transitions.EndAsync(tenantId, actionId, policy.CanaryVersionId, CanaryEnd.RolledBack, tally, by: null, cancellationToken);
            _tallies.TryRemove((tenantId, policy.CanaryVersionId), out _);
        }
#pragma warning disable CA1031 // The rollback rides on a user's request: a failure is logged and tried again by the next failing run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Canary {VersionId} of Action {ActionId} could not be rolled back", policy.CanaryVersionId, actionId);
            _tallies.TryGetValue((tenantId, policy.CanaryVersionId), out var tallyLeft);
            tallyLeft?.Release();
        }
    }

    private sealed class Tally
    {
        private long _canaryExecutions, _canaryFailures, _stableExecutions, _stableFailures;
        private int _claimed;

        public void Count(bool canary, bool failed)
        {
            Interlocked.Increment(ref canary ? ref _canaryExecutions : ref _stableExecutions);
            if (failed)
                Interlocked.Increment(ref canary ? ref _canaryFailures : ref _stableFailures);
        }

        public bool Failing(CanaryPolicy policy)
        {
            var executions = Interlocked.Read(ref _canaryExecutions);
            return executions >= policy.MinExecutions && (double)Interlocked.Read(ref _canaryFailures) / executions > policy.MaxFailureRate;
        }

        /// <summary>One rollback attempt at a time from this instance.</summary>
        public bool Claim() => Interlocked.CompareExchange(ref _claimed, 1, 0) == 0;

        public void Release() => Volatile.Write(ref _claimed, 0);

        public CanaryTally Snapshot() => new(Interlocked.Read(ref _canaryExecutions), Interlocked.Read(ref _canaryFailures),
            Interlocked.Read(ref _stableExecutions), Interlocked.Read(ref _stableFailures));
    }
}
