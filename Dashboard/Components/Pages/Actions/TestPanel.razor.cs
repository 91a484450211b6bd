using System.Text.Json;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Triggers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Dashboard.Components.Pages.Actions;

public sealed partial class TestPanel
{
    private IActionTestRunner? _runner;
    private string _eventJson = "{}";
    private string? _jsonError;
    private string? _failure;
    private ActionTestOutcome? _outcome;
    private bool _running;
    private EventJsonEditor? _eventEditor;

    /// <summary>The Action whose draft runs.</summary>
    [Parameter, EditorRequired] public string ActionId { get; set; } = "";

    /// <summary>The Action's trigger: its sample event pre-fills the panel.</summary>
    [Parameter, EditorRequired] public TriggerDefinition Trigger { get; set; } = default!;

    /// <summary>Called before a run (the editor saves its draft); false cancels the run.</summary>
    [Parameter] public Func<Task<bool>>? BeforeRunAsync { get; set; }

    /// <summary>The event to start with instead of the trigger's sample (a replayed execution's).</summary>
    [Parameter] public string? InitialEventJson { get; set; }

    /// <summary>Monaco has loaded in the browser: the event editor can be created.</summary>
    [Parameter] public bool MonacoReady { get; set; }

    /// <summary>The event as edited (the saved tests panel saves it).</summary>
    [Parameter] public EventCallback<string> EventJsonChanged { get; set; }

    /// <summary>A run finished with this outcome.</summary>
    [Parameter] public EventCallback<ActionTestOutcome> Ran { get; set; }

    /// <summary>The line of the run's error in the code, or null when the run had none.</summary>
    [Parameter] public EventCallback<int?> ErrorLineChanged { get; set; }

    // Optional by design: the sandbox registers a runner when it is part of the host.
    [Inject] private IServiceProvider Services { get; set; } = default!;
    [Inject] private ILogger<TestPanel> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        _runner = Services.GetService<IActionTestRunner>();
        _eventJson = InitialEventJson ?? Trigger.SampleEventJson;
    }

    private async Task OnEventEditedAsync() => await OnEventChanged(await _eventEditor!.GetValue());

    private async Task OnEventChanged(string json)
    {
        _eventJson = json;
        _jsonError = JsonError(json);
        await EventJsonChanged.InvokeAsync(json);
    }

    /// <summary>Null when <paramref name="json"/> is a JSON object; otherwise why not, with the line.</summary>
    internal static string? JsonError(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : "The event must be a JSON object.";
        }
        catch (JsonException e)
        {
            var message = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            return $"Invalid JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {message}.";
        }
    }

    private async Task RunAsync()
    {
        if (_runner is null || _jsonError is not null)
            return;
        _running = true;
        _failure = await GuardedTestRun.RunAsync(BeforeRunAsync, async () =>
        {
            _outcome = await _runner.RunDraftAsync(ActionId, _eventJson, CancellationToken.None);
            await ErrorLineChanged.InvokeAsync(_outcome.Error?.Line);
            await Ran.InvokeAsync(_outcome);
        }, Logger, ActionId);
        _running = false;
    }
}
