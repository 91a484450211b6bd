namespace Flowgate.Runtime.Actions;

/// <summary>A secret of an Action's draft. The value is write-only and stored encrypted with Data Protection.</summary>
public sealed class ActionSecret
{
    public long Id { get; init; }
    public required string ActionId { get; init; }
    public required string Name { get; init; }
    /// <summary>The value protected by Data Protection; never returned by any API.</summary>
    public required string ProtectedValue { get; set; }
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
