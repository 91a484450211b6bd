using System.Text.Json.Serialization;

namespace Flowgate.Shared.Execution;

/// <summary>Timing of one execution, named as in Auth0's execution records.</summary>
public sealed record ActionExecutionStats
{
    /// <summary>Time spent creating an isolate, a context or compiling code before the handler ran.</summary>
    [JsonPropertyName("boot_duration_ms")]
    public double BootDurationMs { get; init; }

    /// <summary>Time the handler ran, including awaited work.</summary>
    [JsonPropertyName("action_duration_ms")]
    public double ActionDurationMs { get; init; }

    /// <summary>Time spent in host calls (<c>fetch</c> and crypto).</summary>
    [JsonPropertyName("runtime_external_call_duration_ms")]
    public double ExternalCallDurationMs { get; init; }

    /// <summary>Wall time from receiving the request to returning the result.</summary>
    [JsonPropertyName("total_request_duration_ms")]
    public double TotalRequestDurationMs { get; init; }

    /// <summary>True when a warm context served the execution.</summary>
    [JsonPropertyName("warm")]
    public bool Warm { get; init; }
}
