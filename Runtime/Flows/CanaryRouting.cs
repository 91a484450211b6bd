using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// Picks the version one execution of a binding runs while its Action has a canary: the canary for
/// <see cref="CanaryPolicy.Percent"/> percent of executions, the stable version for the rest.
/// </summary>
/// <remarks>
/// The pick is a fresh random draw per execution, not a hash of the execution id: the id is made only when the run is
/// recorded (after it ran) and is itself random, so hashing it would add nothing, and a draw keeps the share right
/// whatever ids look like. What must stay fixed does: a suspended flow (a redirect to <c>/continue</c>, a factor
/// challenge) carries the <see cref="BoundAction"/> it started with, so its resumption runs the same version.
/// </remarks>
internal static class CanaryRouting
{
    public static (string VersionId, CanaryPolicy? Policy) Choose(
        string deployedVersionId, string? canaryVersionId, int percent, double maxFailureRate, int minExecutions)
    {
        if (canaryVersionId is null || percent <= 0)
            return (deployedVersionId, null);
        var policy = new CanaryPolicy
        {
            CanaryVersionId = canaryVersionId, StableVersionId = deployedVersionId, Percent = percent,
            MaxFailureRate = maxFailureRate, MinExecutions = minExecutions,
        };
        return (Random.Shared.Next(100) < percent ? canaryVersionId : deployedVersionId, policy);
    }
}
