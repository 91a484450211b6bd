using Flowgate.Runtime.Flows;

namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>
/// An Action on the flow designer: one in the palette, or a node of the flow. Compared by reference: the
/// diagram's node models point at the item they show.
/// </summary>
public sealed class FlowItem
{
    public required string ActionId { get; init; }
    public required string Name { get; init; }
    /// <summary>True for a node of the flow, false for a palette Action.</summary>
    public bool IsNode { get; init; }
    /// <summary>False for a palette Action that has never been deployed: it cannot be bound.</summary>
    public bool IsDeployed { get; init; } = true;
    public BindingFailurePolicy FailurePolicy { get; set; } = BindingFailurePolicy.FailClosed;
}
