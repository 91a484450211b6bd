using Flowgate.Runtime.Store;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// A trigger's flow as <see cref="DeployedFlowLoader"/> last read it: its bindings in order with their deployed and canary
/// versions. Every request that fires a trigger needs it, bound or not, and it changes only on a bind, deploy, rollback,
/// canary change or Action delete: each forgets it on the instance that made it, and another instance reads it again
/// within 2 s (as a revoked grant or a rotated secret, see docs/security.md).
/// </summary>
public sealed class DeployedFlowCache(TimeProvider clock)
    : RecentReads<(string TenantId, string TriggerId), IReadOnlyList<DeployedFlowCache.Binding>>(clock, TimeSpan.FromSeconds(2))
{
    /// <summary>One bound Action as the flow names it: its display name, failure policy, deployed version and canary.</summary>
    public sealed record Binding(string DisplayName, BindingFailurePolicy FailurePolicy, string VersionId,
        string? CanaryVersionId, int CanaryPercent, double CanaryMaxFailureRate, int CanaryMinExecutions);
}
