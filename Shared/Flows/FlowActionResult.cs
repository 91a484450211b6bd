using Flowgate.Shared.Execution;

namespace Flowgate.Shared.Flows;

/// <summary>What one bound Action did in a trigger execution (one entry of the execution record).</summary>
public sealed record FlowActionResult
{
    /// <summary>The Action's id.</summary>
    public required string ActionId { get; init; }

    /// <summary>The Action's name.</summary>
    public required string ActionName { get; init; }

    /// <summary>The version that ran.</summary>
    public required string VersionId { get; init; }

    /// <summary>The handler that ran (<c>onExecute...</c> or <c>onContinue...</c>).</summary>
    public required string Handler { get; init; }

    /// <summary>The execution's commands, logs, error and stats.</summary>
    public required ActionExecutionResult Result { get; init; }

    /// <summary>When the host handed the execution to the sandbox.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the sandbox's result came back.</summary>
    public DateTimeOffset EndedAt { get; init; }
}
