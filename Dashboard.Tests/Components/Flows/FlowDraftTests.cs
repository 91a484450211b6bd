using Flowgate.Dashboard.Components.Pages.Flows;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;

namespace Flowgate.Tests.Components.Flows;

public sealed class FlowDraftTests
{
    [Fact]
    public void Inserts_and_moves_become_the_order_apply_sends_whatever_position_they_land_on()
    {
        var draft = Draft(out var live, "a", "b", "c");

        Assert.Null(draft.Insert(Palette(draft, "a"), 0));
        Assert.Null(draft.Insert(Palette(draft, "b"), 0));
        // A drop below the last node can come out past the end: it appends.
        Assert.Null(draft.Insert(Palette(draft, "c"), 7));
        Assert.Equal(["b", "a", "c"], Order(draft));

        // A moved node's index is its final position.
        draft.Move(draft.Nodes[0], 2);
        Assert.Equal(["a", "c", "b"], Order(draft));
        draft.Move(draft.Nodes[2], -1);
        Assert.Equal(["b", "a", "c"], Order(draft));

        draft.Remove(draft.Nodes[1]);
        Assert.Equal(["b", "c"], Order(draft));
        Assert.Equal(["b", "c"], draft.ToReferences().Select(r => r.Value));
        Assert.All(draft.ToReferences(), r => Assert.Equal(BindingRefType.ActionId, r.RefType));
        Assert.True(draft.IsDirty);
        Assert.Empty(live.Bindings);
    }

    [Fact]
    public void Keyboard_moves_and_the_failure_policy_change_the_draft_until_it_matches_the_live_flow_again()
    {
        var draft = Draft(out _, "a", "b");
        draft.Load(Flow(("a", BindingFailurePolicy.FailClosed), ("b", BindingFailurePolicy.FailClosed)), Actions("a", "b"));
        Assert.False(draft.IsDirty);

        draft.Move(draft.Nodes[1], 0);
        Assert.Equal(["b", "a"], Order(draft));
        Assert.True(draft.IsDirty);
        draft.Move(draft.Nodes[0], 1);
        Assert.False(draft.IsDirty);

        draft.ToggleFailurePolicy(draft.Nodes[0]);
        Assert.Equal(BindingFailurePolicy.ContinueOnError, draft.ToReferences()[0].FailurePolicy);
        Assert.True(draft.IsDirty);
        draft.ToggleFailurePolicy(draft.Nodes[0]);
        Assert.False(draft.IsDirty);

        draft.Remove(draft.Nodes[0]);
        Assert.Equal(["b"], Order(draft));
    }

    [Fact]
    public void An_undeployed_Action_a_second_copy_and_a_21st_Action_are_refused_with_the_reason()
    {
        var names = Enumerable.Range(1, 21).Select(i => $"action-{i}").ToArray();
        var draft = new FlowDraft();
        draft.Load(Flow(), [.. Actions(names), new ActionDefinition { Id = "draft", TenantId = "t", Name = "Draft only", TriggerId = "post-login", TriggerVersion = "v3" }]);

        Assert.Contains("Deploy it first", draft.Insert(Palette(draft, "draft"), 0));
        Assert.Null(draft.Add(Palette(draft, "action-1")));
        Assert.Contains("already in this flow", draft.Add(Palette(draft, "action-1")));
        foreach (var name in names[1..20])
            Assert.Null(draft.Add(Palette(draft, name)));
        Assert.Equal(ActionLimits.MaxBindingsPerTrigger, draft.Nodes.Count);
        Assert.Contains("at most 20 Actions", draft.Add(Palette(draft, "action-21")));
        Assert.Equal(20, draft.Nodes.Count);
    }

    private static FlowDraft Draft(out FlowSnapshot live, params string[] ids)
    {
        var draft = new FlowDraft();
        live = Flow();
        draft.Load(live, Actions(ids));
        return draft;
    }

    private static FlowItem Palette(FlowDraft draft, string id) => draft.Palette.Single(p => p.ActionId == id);

    private static string[] Order(FlowDraft draft) => draft.Nodes.Select(n => n.ActionId).ToArray();

    private static List<ActionDefinition> Actions(params string[] ids) => ids.Select(id => new ActionDefinition
    {
        Id = id, TenantId = "t", Name = id, TriggerId = "post-login", TriggerVersion = "v3", DeployedVersionId = "v-" + id,
    }).ToList();

    private static FlowSnapshot Flow(params (string ActionId, BindingFailurePolicy Policy)[] bindings) =>
        new("post-login", bindings.Select((b, i) => new TriggerBinding
        {
            Id = "binding-" + i, TenantId = "t", TriggerId = "post-login", ActionId = b.ActionId, Order = i, DisplayName = b.ActionId, FailurePolicy = b.Policy,
        }).ToList(), "v");
}
