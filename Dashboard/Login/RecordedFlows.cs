using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Tenancy;
using Flowgate.Shared.Flows;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// Runs a blocking trigger's deployed flow for a real request and keeps its execution record: what every
/// place a trigger fires needs. Null when nothing is bound; the result carries its execution id.
/// </summary>
internal sealed class RecordedFlows(DeployedFlowLoader flows, FlowExecutor executor, ExecutionRecorder recorder, CurrentTenant tenant)
{
    /// <param name="buildEvent">Called only when Actions are bound: building an event may read the database.</param>
    public async Task<FlowExecutionResult?> RunAsync(string triggerId, Func<Task<string>> buildEvent, CancellationToken cancellationToken)
    {
        var actions = await flows.LoadAsync(triggerId, cancellationToken);
        if (actions.Count == 0)
            return null;
        var request = new FlowExecutionRequest { TenantId = tenant.Id, TriggerId = triggerId, EventJson = await buildEvent(), Actions = actions };
        var result = await executor.ExecuteAsync(request, cancellationToken);
        return result with { ExecutionId = recorder.Record(request, result) };
    }
}
