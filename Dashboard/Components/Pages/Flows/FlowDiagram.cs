using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Options;

namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>
/// The flow canvas's diagram, a view of a <see cref="FlowDraft"/>: Start, one node per bound Action, Complete, top to
/// bottom, linked in order. Every gesture (a drop, a moved node, a removal) changes the draft first; the diagram is
/// then laid out again from it, so what it shows is always what Apply sends.
/// </summary>
public sealed class FlowDiagram
{
    // Every node is drawn this wide (app.css), stacked on one vertical axis.
    public const double NodeWidth = 320;
    private const double Spacing = 110;
    private const double NodeHeight = 64;
    private const double Margin = 32;

    private readonly FlowDraft _draft;
    private readonly FlowTerminalNode _start;
    private readonly FlowTerminalNode _complete;

    internal FlowDiagram(FlowDraft draft, FlowDescriptor descriptor)
    {
        _draft = draft;
        var options = new BlazorDiagramOptions { AllowMultiSelection = false };
        options.Zoom.Minimum = 0.3;
        options.Zoom.Maximum = 2;
        // Links follow the order; they are drawn, not edited. A node is removed through the draft (Delete key or button).
        options.Constraints.ShouldDeleteLink = _ => ValueTask.FromResult(false);
        options.Constraints.ShouldDeleteNode = node => ValueTask.FromResult(Removed(node));
        Diagram = new BlazorDiagram(options);
        Diagram.RegisterComponent<FlowActionNode, FlowNode>();
        Diagram.RegisterComponent<FlowTerminalNode, FlowTerminal>();
        _start = Diagram.Nodes.Add(new FlowTerminalNode(descriptor.Start, isStart: true));
        _complete = Diagram.Nodes.Add(new FlowTerminalNode(descriptor.Complete, isStart: false));
        Diagram.Nodes.Added += node => node.Moved += OnMoved;
    }

    public BlazorDiagram Diagram { get; }

    public FlowDraft Draft => _draft;

    /// <summary>Raised after a node's gesture or button changed the draft (the page shows the dirty state).</summary>
    public event Action? DraftChanged;

    /// <summary>Lays the diagram out again from the draft: nodes in their slots, links Start → … → Complete.</summary>
    public void Sync()
    {
        Diagram.Batch(() =>
        {
            var shown = Diagram.Nodes.OfType<FlowActionNode>().ToDictionary(n => n.Item);
            foreach (var (item, node) in shown.Where(s => !_draft.Nodes.Contains(s.Key)))
                Diagram.Nodes.Remove(node);
            var chain = new List<NodeModel> { _start };
            chain.AddRange(_draft.Nodes.Select(item => shown.GetValueOrDefault(item) ?? Diagram.Nodes.Add(new FlowActionNode(item))));
            chain.Add(_complete);
            Diagram.Links.Remove(Diagram.Links.ToList());
            for (var i = 0; i < chain.Count; i++)
            {
                chain[i].SetPosition(Margin, Margin + i * Spacing);
                if (i > 0)
                    Diagram.Links.Add(new LinkModel(chain[i - 1], chain[i]) { Locked = true, TargetMarker = LinkMarker.Arrow, Color = "#9aa1b5", SelectedColor = "#3f51b5" });
            }
        });
    }

    /// <summary>
    /// A palette Action dropped at a point of the page: it goes where its place on the axis falls among the nodes, so a
    /// drop on the link between two Actions lands between them. Returns why it was refused, or null.
    /// </summary>
    public string? Drop(FlowItem action, double clientX, double clientY)
    {
        var point = Diagram.GetRelativeMousePoint(clientX, clientY);
        var refusal = _draft.Insert(action, IndexAt(point.Y, except: null));
        Sync();
        return refusal;
    }

    /// <summary>Keyboard and button changes: made on the draft, then shown.</summary>
    public void Change(Action<FlowDraft> change) => Change(draft =>
    {
        change(draft);
        return null;
    });

    /// <summary>A change that can be refused: returns the draft's reason, or null.</summary>
    public string? Change(Func<FlowDraft, string?> change)
    {
        var refusal = change(_draft);
        Sync();
        DraftChanged?.Invoke();
        return refusal;
    }

    // A moved node's new place in the order is where its centre now falls on the axis; then every node snaps to its slot.
    private void OnMoved(MovableModel moved)
    {
        if (moved is not FlowActionNode node)
            return;
        _draft.Move(node.Item, IndexAt(Centre(node), except: node));
        Sync();
        DraftChanged?.Invoke();
    }

    private bool Removed(NodeModel node)
    {
        if (node is FlowActionNode action)
        {
            _draft.Remove(action.Item);
            Sync();
            DraftChanged?.Invoke();
        }
        // Sync already took the node away; the library's own removal would find nothing to do.
        return false;
    }

    private int IndexAt(double y, FlowActionNode? except) =>
        Diagram.Nodes.OfType<FlowActionNode>().Count(n => n != except && Centre(n) < y);

    private static double Centre(NodeModel node) => node.Position.Y + (node.Size?.Height ?? NodeHeight) / 2;
}
