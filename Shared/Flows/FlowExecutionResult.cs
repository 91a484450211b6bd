using System.Text.Json.Serialization;
using Flowgate.Shared.Execution;

namespace Flowgate.Shared.Flows;

/// <summary>What a trigger execution did: per-Action results and the merged outcome.</summary>
public sealed record FlowExecutionResult
{
    /// <summary>How the execution ended.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<FlowStatus>))]
    public required FlowStatus Status { get; init; }

    /// <summary>One entry per Action that ran, in order.</summary>
    public IReadOnlyList<FlowActionResult> Actions { get; init; } = [];

    /// <summary>The merged effect of the Actions.</summary>
    public FlowOutcome Outcome { get; init; } = new();

    /// <summary>The error that failed the trigger (with the JavaScript stack).</summary>
    public ActionError? Error { get; init; }

    /// <summary>Present when <see cref="Status"/> is <see cref="FlowStatus.Suspended"/>.</summary>
    public FlowSuspension? Suspension { get; init; }

    /// <summary>For a dispatched asynchronous trigger: completes with the full result.</summary>
    [JsonIgnore]
    public Task<FlowExecutionResult>? Completion { get; init; }

    /// <summary>The id of the execution record kept for this run, when one was kept.</summary>
    public string? ExecutionId { get; init; }
}
