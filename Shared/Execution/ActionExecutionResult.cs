using System.Text.Json.Serialization;

namespace Flowgate.Shared.Execution;

/// <summary>
/// What one execution did: the commands it recorded, its console output, its error and timing.
/// A failure is a value here, never an exception.
/// </summary>
public sealed record ActionExecutionResult
{
    /// <summary>The api calls, in call order.</summary>
    public IReadOnlyList<ActionCommand> Commands { get; init; } = [];

    /// <summary>Console output, one entry per call (capped per execution).</summary>
    public IReadOnlyList<string> Logs { get; init; } = [];

    /// <summary>Null when the handler completed.</summary>
    public ActionError? Error { get; init; }

    /// <summary>The execution's <c>api.cache</c> sets and deletes, in call order (empty when it wrote nothing).</summary>
    public IReadOnlyList<ActionCacheWrite> CacheWrites { get; init; } = [];

    /// <summary>Timing of the execution.</summary>
    public ActionExecutionStats Stats { get; init; } = new();

    /// <summary>True when the handler completed without throwing.</summary>
    [JsonIgnore]
    public bool Succeeded => Error is null;

    /// <summary>Builds a failed result that recorded nothing.</summary>
    public static ActionExecutionResult Failed(ActionErrorClass errorClass, string name, string message) =>
        new() { Error = new ActionError(name, message, null, errorClass) };
}
