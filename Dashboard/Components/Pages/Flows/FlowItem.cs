using Flowgate.Runtime.Flows;

namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>
/// One draggable thing on the flow designer: an Action in the palette, or a node on the canvas.
/// Compared by reference, as MudBlazor's drop zones key their items by identity.
/// </summary>
public sealed class FlowItem
{
    public const string PaletteZone = "palette";
    public const string CanvasZone = "canvas";

    public required string Zone { get; init; }
    public required string ActionId { get; init; }
    public required string Name { get; init; }
    /// <summary>False for a palette Action that has never been deployed: it cannot be bound.</summary>
    public bool IsDeployed { get; init; } = true;
    public BindingFailurePolicy FailurePolicy { get; set; } = BindingFailurePolicy.FailClosed;

    public bool IsNode => Zone == CanvasZone;
}
