namespace Flowgate.Runtime.Actions.Canaries;

/// <summary>How a canary runs: the share of executions it gets and when its failures roll it back.</summary>
/// <param name="Percent">Share of executions, in percent (1-99), that run the canary.</param>
/// <param name="MaxFailureRate">Failure rate (0-1) past which the canary is rolled back automatically.</param>
/// <param name="MinExecutions">Canary executions seen before its failure rate can roll it back (one failure out of one must not).</param>
public sealed record CanarySettings(int Percent = 10, double MaxFailureRate = 0.2, int MinExecutions = 20)
{
    /// <summary>Why these settings cannot start a canary, or null when they can.</summary>
    public string? Problem() =>
        Percent is < 1 or > 99 ? "'percent' must be between 1 and 99."
        : MaxFailureRate is < 0 or > 1 || double.IsNaN(MaxFailureRate) ? "'max_failure_rate' must be between 0 and 1."
        : MinExecutions is < 1 or > 1_000_000 ? "'min_executions' must be between 1 and 1000000."
        : null;
}
