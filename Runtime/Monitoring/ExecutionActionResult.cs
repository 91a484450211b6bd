namespace Flowgate.Runtime.Monitoring;

/// <summary>What one Action did within an execution: status, commands, console output, error and timings.</summary>
public sealed class ExecutionActionResult
{
    public long Id { get; init; }
    public required string ExecutionId { get; init; }
    public int Order { get; init; }
    public required string ActionId { get; init; }
    public required string ActionName { get; init; }
    public string? VersionId { get; init; }
    public string? BindingId { get; init; }
    /// <summary><c>success</c>, <c>failed</c> or <c>suspended</c>.</summary>
    public required string Status { get; init; }
    /// <summary><c>action_error</c>, <c>action_timeout</c>, <c>platform_error</c> when failed.</summary>
    public string? ErrorClass { get; init; }
    public string? ErrorName { get; init; }
    public string? ErrorMessage { get; init; }
    public string? ErrorStack { get; init; }
    public string Logs { get; init; } = "";
    public string CommandsJson { get; init; } = "[]";
    public string StatsJson { get; init; } = "{}";
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset EndedAt { get; init; }
}
