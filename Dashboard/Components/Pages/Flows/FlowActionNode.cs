using Blazor.Diagrams.Core.Models;

namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>The diagram's model of one bound Action: it points at the draft's node, which holds the order and the policy.</summary>
public sealed class FlowActionNode(FlowItem item) : NodeModel
{
    public FlowItem Item { get; } = item;
}
