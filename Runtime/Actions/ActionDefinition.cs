using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Actions;

/// <summary>
/// An Action and its one editable draft. Saving the draft never touches live traffic:
/// flows run <see cref="DeployedVersionId"/>, an immutable <see cref="ActionVersion"/>.
/// </summary>
public sealed class ActionDefinition : ITenantScoped
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string Name { get; set; }
    /// <summary>Auth0 trigger id, e.g. <c>post-login</c>.</summary>
    public required string TriggerId { get; init; }
    public required string TriggerVersion { get; init; }
    public string Runtime { get; set; } = "node22";
    /// <summary>The draft's code.</summary>
    public string Code { get; set; } = "";
    public List<ActionSecret> Secrets { get; init; } = [];
    public List<ActionDependency> Dependencies { get; init; } = [];
    public string? DeployedVersionId { get; set; }
    /// <summary>
    /// A newer version that a share of executions runs while the rest run <see cref="DeployedVersionId"/> (a canary);
    /// null when none. Promote and rollback end it with one conditional UPDATE, so they apply once across instances.
    /// </summary>
    public string? CanaryVersionId { get; set; }
    /// <summary>The share of executions, in percent (1-99), that run the canary.</summary>
    public int CanaryPercent { get; set; }
    /// <summary>The canary's failure rate (0-1) past which it is rolled back automatically.</summary>
    public double CanaryMaxFailureRate { get; set; }
    /// <summary>How many canary executions are seen before its failure rate can roll it back.</summary>
    public int CanaryMinExecutions { get; set; }
    public DateTimeOffset? CanaryStartedAt { get; set; }
    /// <summary>Whether the draft equals the deployed version (Auth0's <c>all_changes_deployed</c>).</summary>
    public bool AllChangesDeployed { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    /// <summary>Optimistic concurrency: two editors saving the same draft see a conflict, not a lost update.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
