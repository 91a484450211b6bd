using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Triggers;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>
/// One trigger's flow designer: Start → bound Actions → Complete drawn as a diagram (<see cref="FlowDiagram"/>), edited
/// as a draft and applied in one atomic replace guarded by the version read on load.
/// </summary>
public sealed partial class FlowCanvas : IDisposable
{
    private readonly FlowDraft _draft = new();
    private FlowDiagram? _flow;
    private FlowItem? _dragged;
    private FlowDescriptor? _descriptor;
    private IFlowTestRunner? _testRunner;
    private string? _loadedTriggerId;
    private string? _version;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private bool _conflict;
    private bool _busy;
    private bool _testOpen;

    /// <summary>The trigger whose flow this is, e.g. <c>post-login</c>.</summary>
    [Parameter] public string TriggerId { get; set; } = "";

    [Inject] private BindingService Bindings { get; set; } = default!;
    [Inject] private ActionService Actions { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IServiceProvider Services { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        // Only a different trigger reloads: a re-render must never throw away unapplied changes.
        if (TriggerId == _loadedTriggerId)
            return;
        _loadedTriggerId = TriggerId;
        _message = null;
        _testRunner = Services.GetService<IFlowTestRunner>();
        var trigger = TriggerCatalog.Find(TriggerId);
        _descriptor = trigger is null ? null : FlowDescriptor.For(trigger.Id, trigger.DisplayName);
        if (_flow is not null)
            _flow.DraftChanged -= OnDraftChanged;
        _flow = _descriptor is null ? null : new FlowDiagram(_draft, _descriptor);
        if (_flow is not null)
        {
            _flow.DraftChanged += OnDraftChanged;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var flow = await Bindings.GetAsync(TriggerId, CancellationToken.None);
        var actions = new List<ActionDefinition>();
        ActionPage<ActionDefinition> page;
        do
        {
            page = await Actions.ListAsync(new ActionFilter(TriggerId, Page: actions.Count / 100, PerPage: 100), CancellationToken.None);
            actions.AddRange(page.Items);
        }
        while (page.Items.Count == 100 && actions.Count < page.Total);
        _draft.Load(flow, actions);
        _version = flow.Version;
        _flow?.Sync();
    }

    // The palette said which Action is being dragged; where it is dropped decides its place.
    private void OnDrop(DragEventArgs drop)
    {
        if (_dragged is null || _flow is null)
            return;
        ShowRefusal(_flow.Drop(_dragged, drop.ClientX, drop.ClientY));
        _dragged = null;
    }

    private void OnAdded(FlowItem action) => ShowRefusal(_flow?.Change(draft => draft.Add(action)));

    // A node's own gesture or button changed the draft: the header's Apply, Discard and dirty chip follow.
    private void OnDraftChanged() => InvokeAsync(StateHasChanged);

    private void Zoom(double factor) => _flow?.Diagram.SetZoom(Math.Clamp(_flow.Diagram.Zoom * factor, 0.3, 2));

    private void Fit() => _flow?.Diagram.ZoomToFit(40);

    private void ShowRefusal(string? refusal)
    {
        if (refusal is not null)
            ShowMessage(refusal, Severity.Warning);
    }

    private void ShowMessage(string message, Severity severity, bool conflict = false)
    {
        _message = message;
        _messageSeverity = severity;
        _conflict = conflict;
    }

    private async Task ApplyAsync()
    {
        _busy = true;
        try
        {
            await Bindings.ReplaceAsync(TriggerId, _draft.ToReferences(), _version, CancellationToken.None);
            await LoadAsync();
            _message = null;
            Snackbar.Add($"{_descriptor!.Title} flow applied: the next execution runs it.", Severity.Success);
        }
        catch (OperationRejectedException rejection)
        {
            ShowMessage(rejection.Message, Severity.Error, rejection.Kind == RejectionKind.Conflict);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DiscardAsync()
    {
        await LoadAsync();
        _message = null;
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        ShowMessage("Reloaded the live flow. Make your changes again and apply.", Severity.Info);
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!_draft.IsDirty)
            return;
        var leave = await Dialogs.ShowMessageBoxAsync("Unapplied changes",
            "This flow has changes that are not applied. Leave and lose them?", yesText: "Leave", cancelText: "Stay");
        if (leave != true)
            context.PreventNavigation();
    }

    public void Dispose()
    {
        if (_flow is not null)
            _flow.DraftChanged -= OnDraftChanged;
    }
}
