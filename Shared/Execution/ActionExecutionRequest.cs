namespace Flowgate.Shared.Execution;

/// <summary>
/// One run of one Action version's handler against one event. Everything the sandbox needs
/// travels in this record, so it can cross a process boundary as JSON unchanged.
/// </summary>
public sealed record ActionExecutionRequest
{
    /// <summary>The tenant whose isolate runs the code; executions never share state across tenants.</summary>
    public required string TenantId { get; init; }

    /// <summary>The trigger id (<c>post-login</c>, ...); selects the <c>api</c> surface.</summary>
    public required string TriggerId { get; init; }

    /// <summary>The Action's id, for logs and records.</summary>
    public string ActionId { get; init; } = "";

    /// <summary>The Action's display name, for logs and records.</summary>
    public string ActionName { get; init; } = "";

    /// <summary>The immutable version id; compiled code is cached under it.</summary>
    public required string VersionId { get; init; }

    /// <summary>The CommonJS source of the Action (at most 100 kB).</summary>
    public required string Code { get; init; }

    /// <summary>The exported handler to call, e.g. <c>onExecutePostLogin</c> or <c>onContinuePostLogin</c>.</summary>
    public required string Handler { get; init; }

    /// <summary>The event as one JSON object; it is parsed and deep-frozen inside the sandbox.</summary>
    public required string EventJson { get; init; }

    /// <summary>Secret values, exposed to the code as <c>event.secrets</c>.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>Declared npm dependencies the code may <c>require</c>.</summary>
    public IReadOnlyList<ActionDependency> Dependencies { get; init; } = [];

    /// <summary>
    /// The tenant's <c>api.cache</c> records for this trigger, as JSON <c>{key: {value, expires_at}}</c>; null when empty.
    /// The execution reads them and returns its changes in <see cref="ActionExecutionResult.CacheWrites"/>.
    /// </summary>
    public string? CacheJson { get; init; }

    /// <summary>Deadline for the whole execution, including awaited work; null uses the sandbox default.</summary>
    public int? TimeoutMs { get; init; }
}
