namespace Flowgate.Runtime.Actions.Canaries;

/// <summary>Executions and failures of each side of a canary, as the one who ends it saw them (for the tenant log).</summary>
public sealed record CanaryTally(long CanaryExecutions, long CanaryFailures, long StableExecutions, long StableFailures)
{
    public double? CanaryFailureRate => Rate(CanaryFailures, CanaryExecutions);
    public double? StableFailureRate => Rate(StableFailures, StableExecutions);

    private static double? Rate(long failures, long executions) => executions == 0 ? null : (double)failures / executions;
}
