namespace Flowgate.Runtime.Monitoring;

/// <summary>Executions and failures that started within one bucket.</summary>
public sealed record ActionMetricsBucket(DateTimeOffset Start, int Executions, int Failures);
