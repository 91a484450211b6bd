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
    /// <summary>Whether the draft equals the deployed version (Auth0's <c>all_changes_deployed</c>).</summary>
    public bool AllChangesDeployed { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    /// <summary>Optimistic concurrency: two editors saving the same draft see a conflict, not a lost update.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
