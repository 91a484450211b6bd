namespace Flowgate.Runtime.Actions;

/// <summary>An npm dependency declared by an Action's draft, pinned to an exact version at save.</summary>
public sealed class ActionDependency
{
    public long Id { get; init; }
    public required string ActionId { get; init; }
    public required string Name { get; init; }
    public required string Version { get; set; }
    public string? RegistryUrl { get; set; }
}
