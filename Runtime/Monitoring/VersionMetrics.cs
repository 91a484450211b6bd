namespace Flowgate.Runtime.Monitoring;

/// <summary>One version's executions of an Action since a time: totals, failure rate and p50/p95 duration in ms (null without runs).</summary>
public sealed record VersionMetrics(string VersionId, int Executions, int Failures, double? P50Ms, double? P95Ms)
{
    public double? FailureRate => Executions == 0 ? null : (double)Failures / Executions;
}
