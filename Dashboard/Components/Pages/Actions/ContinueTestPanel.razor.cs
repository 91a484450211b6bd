using System.Text.Json;
using Flowgate.Runtime.Triggers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Flowgate.Dashboard.Components.Pages.Actions;

public sealed partial class ContinueTestPanel
{
    private IContinueTestRunner? _runner;
    private string _queryJson = "{}";
    private string _bodyJson = "{}";
    private string? _failure;
    private ContinueTestOutcome? _outcome;
    private bool _running;

    /// <summary>The Action whose draft runs.</summary>
    [Parameter, EditorRequired] public string ActionId { get; set; } = "";

    /// <summary>The Action's trigger; the panel shows only when it has a continue handler.</summary>
    [Parameter, EditorRequired] public TriggerDefinition Trigger { get; set; } = default!;

    /// <summary>The event the execute handler runs with (the test panel's).</summary>
    [Parameter, EditorRequired] public string EventJson { get; set; } = "{}";

    /// <summary>Called before a run (the editor saves its draft); false cancels the run.</summary>
    [Parameter] public Func<Task<bool>>? BeforeRunAsync { get; set; }

    // Optional by design, as the test panel's runner.
    [Inject] private IServiceProvider Services { get; set; } = default!;
    [Inject] private ILogger<ContinueTestPanel> Logger { get; set; } = default!;

    protected override void OnInitialized() => _runner = Services.GetService<IContinueTestRunner>();

    private string? InputError() =>
        TestPanel.JsonError(EventJson) is { } eventError ? "The event: " + eventError
        : QueryOf(_queryJson) is null ? "The query must be a JSON object of strings, e.g. {\"code\": \"123\"}."
        : TestPanel.JsonError(_bodyJson) is { } bodyError ? "The body: " + bodyError
        : null;

    private static Dictionary<string, string>? QueryOf(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task RunAsync()
    {
        if (_runner is null || InputError() is not null)
            return;
        _running = true;
        _failure = await GuardedTestRun.RunAsync(BeforeRunAsync, async () =>
            _outcome = await _runner.RunWithContinueAsync(ActionId, EventJson, QueryOf(_queryJson)!, _bodyJson, CancellationToken.None), Logger, ActionId);
        _running = false;
    }
}
