using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;

namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>
/// The flow being edited: the palette of the trigger's Actions and the flow's nodes in order. Every change
/// (a drop, a moved node, a keyboard move, a removal) is applied to <see cref="Nodes"/> explicitly; the
/// diagram only shows this order, so the order the canvas shows is the order Apply sends.
/// </summary>
public sealed class FlowDraft
{
    private readonly List<FlowItem> _nodes = [];
    private IReadOnlyList<(string ActionId, BindingFailurePolicy Policy)> _live = [];

    public IReadOnlyList<FlowItem> Palette { get; private set; } = [];
    public IReadOnlyList<FlowItem> Nodes => _nodes;

    public int IndexOf(FlowItem node) => _nodes.IndexOf(node);

    /// <summary>Whether the Action is on the canvas already (a flow runs each Action once).</summary>
    public bool Contains(string actionId) => _nodes.Any(n => n.ActionId == actionId);

    public bool IsDirty => !_live.SequenceEqual(_nodes.Select(n => (n.ActionId, n.FailurePolicy)));

    /// <summary>Starts over from the live flow and the trigger's Actions.</summary>
    public void Load(FlowSnapshot flow, IEnumerable<ActionDefinition> actions)
    {
        Palette = actions.Select(a => new FlowItem { ActionId = a.Id, Name = a.Name, IsDeployed = a.DeployedVersionId is not null }).ToList();
        _live = flow.Bindings.Select(b => (b.ActionId, b.FailurePolicy)).ToList();
        _nodes.Clear();
        _nodes.AddRange(flow.Bindings.Select(b => new FlowItem
        {
            IsNode = true,
            ActionId = b.ActionId,
            Name = b.DisplayName,
            FailurePolicy = b.FailurePolicy,
        }));
    }

    /// <summary>Whether a palette Action can go onto the canvas, or why not.</summary>
    public string? RefusalFor(FlowItem action)
    {
        if (!action.IsDeployed)
            return $"'{action.Name}' has never been deployed. Deploy it first.";
        if (Contains(action.ActionId))
            return $"'{action.Name}' is already in this flow.";
        if (_nodes.Count >= ActionLimits.MaxBindingsPerTrigger)
            return $"A flow can hold at most {ActionLimits.MaxBindingsPerTrigger} Actions.";
        return null;
    }

    /// <summary>Puts a palette Action into the flow at <paramref name="index"/> (clamped); returns why not, or null.</summary>
    public string? Insert(FlowItem action, int index)
    {
        if (RefusalFor(action) is { } refusal)
            return refusal;
        var node = new FlowItem { IsNode = true, ActionId = action.ActionId, Name = action.Name };
        _nodes.Insert(Math.Clamp(index, 0, _nodes.Count), node);
        return null;
    }

    /// <summary>Adds a palette Action at the end of the flow (the keyboard alternative to dragging).</summary>
    public string? Add(FlowItem action) => Insert(action, _nodes.Count);

    public void Move(FlowItem node, int index)
    {
        if (!_nodes.Remove(node))
            return;
        _nodes.Insert(Math.Clamp(index, 0, _nodes.Count), node);
    }

    public void Remove(FlowItem node) => _nodes.Remove(node);

    public void ToggleFailurePolicy(FlowItem node) =>
        node.FailurePolicy = node.FailurePolicy == BindingFailurePolicy.FailClosed ? BindingFailurePolicy.ContinueOnError : BindingFailurePolicy.FailClosed;

    /// <summary>The flow as Apply sends it, by Action id.</summary>
    public IReadOnlyList<BindingReference> ToReferences() =>
        _nodes.Select(n => new BindingReference(BindingRefType.ActionId, n.ActionId, n.Name, n.FailurePolicy)).ToList();
}
