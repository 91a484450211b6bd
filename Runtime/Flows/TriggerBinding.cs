using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// One Action's place in a trigger's flow. Bindings point at an Action, not a version:
/// the trigger always runs the Action's currently deployed version.
/// </summary>
public sealed class TriggerBinding : ITenantScoped
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string TriggerId { get; init; }
    public required string ActionId { get; init; }
    /// <summary>Execution order within the trigger, from 0.</summary>
    public int Order { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>Whether an error in this Action fails the trigger (Auth0's behaviour) or is logged and skipped.</summary>
    public BindingFailurePolicy FailurePolicy { get; set; } = BindingFailurePolicy.FailClosed;
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
