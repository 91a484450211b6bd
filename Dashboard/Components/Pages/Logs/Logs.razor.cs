using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Monitoring;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Pages.Logs;

public partial class Logs : IDisposable
{
    // Live tail: the first page is read again at this pace while the switch is on (events are written as they happen, so one shows within a second or so).
    private static readonly TimeSpan LiveInterval = TimeSpan.FromSeconds(1);
    private Timer? _liveTimer;
    private bool _live;
    private MudTable<TenantLogEvent>? _table;
    private string _type = "";
    private string? _userId;
    private string? _clientId;
    private LogPeriod _period = LogPeriod.All[^1];
    private TenantLogEvent? _selected;
    private ExecutionRecord? _execution;
    private bool _executionMissing;

    [Inject] private TenantLog Log { get; set; } = default!;
    [Inject] private ExecutionLog Executions { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ApplicationService Applications { get; set; } = default!;

    // Names of the tenant's applications: events recorded before the application was known (a failed login) carry only its client id.
    private Dictionary<string, string> _applicationNames = [];

    protected override async Task OnInitializedAsync() =>
        _applicationNames = (await Applications.ListAsync(CancellationToken.None)).ToDictionary(a => a.ClientId, a => a.Name);

    private string? ApplicationName(TenantLogEvent logEvent) =>
        logEvent.ClientName ?? (logEvent.ClientId is { } id && _applicationNames.TryGetValue(id, out var name) ? name : logEvent.ClientId);

    private async Task<TableData<TenantLogEvent>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var query = new TenantLogQuery(Type: _type.Length == 0 ? null : _type, UserId: Trimmed(_userId), ClientId: Trimmed(_clientId),
            From: _period.Span is { } span ? Clock.GetUtcNow() - span : null);
        var page = await Log.SearchAsync(query, state.Page, state.PageSize, cancellationToken);
        return new TableData<TenantLogEvent> { Items = page.Items, TotalItems = page.Total };
    }

    private Task FilterByTypeAsync(string type)
    {
        _type = type;
        return _table!.ReloadServerData();
    }

    private Task FilterByUserAsync(string? userId)
    {
        _userId = userId;
        return _table!.ReloadServerData();
    }

    private Task FilterByApplicationAsync(string? clientId)
    {
        _clientId = clientId;
        return _table!.ReloadServerData();
    }

    private Task FilterByPeriodAsync(LogPeriod period)
    {
        _period = period;
        return _table!.ReloadServerData();
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void SetLive(bool live)
    {
        _live = live;
        _liveTimer?.Dispose();
        _liveTimer = live ? new Timer(_ => InvokeAsync(() => _table!.ReloadServerData()), null, LiveInterval, LiveInterval) : null;
    }

    public void Dispose() => _liveTimer?.Dispose();

    private async Task SelectAsync(TenantLogEvent logEvent)
    {
        (_selected, _execution, _executionMissing) = (logEvent, null, false);
        if (logEvent.ExecutionId is not { } id)
            return;
        try
        {
            _execution = await Executions.GetAsync(id, CancellationToken.None);
        }
        catch (OperationRejectedException)
        {
            // Execution records are kept for a shorter time than log events.
            _executionMissing = true;
        }
    }
}
