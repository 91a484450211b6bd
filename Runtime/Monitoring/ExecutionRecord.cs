using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Monitoring;

/// <summary>One run of a trigger's flow, with a result per Action that ran.</summary>
public sealed class ExecutionRecord : ITenantScoped
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string TriggerId { get; init; }
    /// <summary>Auth0's execution status: <c>final</c>, <c>partial</c>, <c>suspended</c>, <c>canceled</c>, ...</summary>
    public required string Status { get; set; }
    /// <summary>The event the flow received, kept for replay in the test panel.</summary>
    public string? EventJson { get; set; }
    public List<ExecutionActionResult> Results { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
