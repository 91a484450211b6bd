namespace Flowgate.Runtime.Monitoring;

/// <summary>An Action's executions over a window: totals, p50/p95 duration in ms (null without runs), and the buckets.</summary>
public sealed record ActionMetricsWindow(int Executions, int Failures, double? P50Ms, double? P95Ms, IReadOnlyList<ActionMetricsBucket> Buckets);
