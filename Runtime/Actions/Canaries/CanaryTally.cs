namespace Flowgate.Runtime.Actions.Canaries;

/// <summary>Executions and failures of each side of a canary, as the one who ends it saw them (for the tenant log).</summary>
public sealed record CanaryTally(long CanaryExecutions, long CanaryFailures, long StableExecutions, long StableFailures)
{
    public double? CanaryFailureRate => Rate(CanaryFailures, CanaryExecutions);
    public double? StableFailureRate => Rate(StableFailures, StableExecutions);

    /// <summary>A rate for a log line, "12.5 %", whatever the server's culture; "none" without executions.</summary>
    public static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " %" : "none";

    private static double? Rate(long failures, long executions) => executions == 0 ? null : (double)failures / executions;
}
