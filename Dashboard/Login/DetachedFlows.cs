using System.Text.Json.Nodes;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Tenancy;
using Flowgate.Shared.Flows;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// Starts an asynchronous trigger (post-user-registration, post-change-password) and returns at once:
/// its Actions never delay or fail the user's request, and their failures only reach the logs.
/// </summary>
internal sealed class DetachedFlows(DeployedFlowLoader flows, FlowExecutor executor, ExecutionRecorder recorder, CurrentTenant tenant, ILogger<DetachedFlows> logger)
{
    /// <param name="root">The event, built while the request is still there.</param>
    /// <param name="subject">Who the flow is about, for the logs.</param>
    public void Start(string triggerId, JsonObject root, string subject)
    {
        var eventJson = root.ToJsonString();
        _ = Task.Run(async () =>
        {
            try
            {
                var actions = await flows.LoadAsync(triggerId, CancellationToken.None);
                if (actions.Count == 0)
                    return;
                var request = new FlowExecutionRequest { TenantId = tenant.Id, TriggerId = triggerId, EventJson = eventJson, Actions = actions };
                var dispatched = await executor.ExecuteAsync(request, CancellationToken.None);
                var result = dispatched.Completion is { } completion ? await completion : dispatched;
                var executionId = recorder.Record(request, result);
                if (result.Status == FlowStatus.Failed)
                    logger.LogWarning("{Trigger} failed for {Subject} (execution {ExecutionId})", triggerId, subject, executionId);
            }
            catch (Exception e)
            {
                logger.LogError(e, "{Trigger} could not run for {Subject}", triggerId, subject);
            }
        });
    }
}
