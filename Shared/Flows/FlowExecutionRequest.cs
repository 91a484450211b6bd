namespace Flowgate.Shared.Flows;

/// <summary>One firing of a trigger: its event and its bound Actions in execution order.</summary>
public sealed record FlowExecutionRequest
{
    /// <summary>The tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The trigger id.</summary>
    public required string TriggerId { get; init; }

    /// <summary>The event, as a JSON object (without secrets; each Action gets its own).</summary>
    public required string EventJson { get; init; }

    /// <summary>The bound Actions, in order.</summary>
    public required IReadOnlyList<BoundAction> Actions { get; init; }

    /// <summary>Budget of the whole trigger in milliseconds (Auth0: 20 s); null uses the sandbox default per Action.</summary>
    public int? TimeoutMs { get; init; }
}
