using System.Text.Json.Serialization;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>The body of <c>POST /actions/actions/{id}/canary</c> (Flowgate's own): how the draft's canary runs; omitted fields take the defaults.</summary>
internal sealed record CanaryBody(
    int? Percent,
    [property: JsonPropertyName("max_failure_rate")] double? MaxFailureRate,
    [property: JsonPropertyName("min_executions")] int? MinExecutions);
