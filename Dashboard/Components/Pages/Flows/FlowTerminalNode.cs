using Blazor.Diagrams.Core.Models;

namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>The fixed Start or Complete end of a flow's diagram: locked, so it is neither moved nor deleted.</summary>
public sealed class FlowTerminalNode : NodeModel
{
    public FlowTerminalNode(string label, bool isStart)
    {
        Label = label;
        IsStart = isStart;
        Locked = true;
    }

    public string Label { get; }
    public bool IsStart { get; }
}
