using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Tenancy;
using Flowgate.Shared.Flows;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// The one way a trigger fires: load the deployed flow, build the event (only when Actions are bound: building it may
/// read the database), execute (the executor applies each Action's commands), record the execution. Every trigger of
/// a real request, its resumptions, the detached asynchronous triggers and the flow designer's test go through here.
/// </summary>
public sealed class TriggerRunner(
    DeployedFlowLoader flows, FlowExecutor executor, ExecutionRecorder recorder, CanaryGuard canaries, CurrentTenant tenant, ILogger<TriggerRunner> logger)
{
    /// <summary>Runs a blocking trigger for a real request; null when nothing is bound. The result carries its execution id.</summary>
    public async Task<FlowExecutionResult?> RunAsync(string triggerId, Func<Task<string>> buildEvent, CancellationToken cancellationToken)
    {
        var actions = await flows.LoadAsync(triggerId, cancellationToken);
        if (actions.Count == 0)
            return null;
        var request = new FlowExecutionRequest { TenantId = tenant.Id, TriggerId = triggerId, EventJson = await buildEvent(), Actions = actions };
        return await RecordedAsync(request, await executor.ExecuteAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>Resumes a flow an Action's redirect suspended: that Action's <c>onContinue...</c> handler, then the rest.</summary>
    public async Task<FlowExecutionResult> ResumeAsync(FlowSuspension suspension, string? eventChangesJson, CancellationToken cancellationToken) =>
        await RecordedAsync(suspension.Request, await executor.ResumeAsync(suspension, eventChangesJson, cancellationToken), cancellationToken);

    /// <summary>Goes on after a passed factor challenge, at the Action after the one that asked.</summary>
    public async Task<FlowExecutionResult> ResumeAfterChallengeAsync(FlowSuspension suspension, string? eventChangesJson, CancellationToken cancellationToken) =>
        await RecordedAsync(suspension.Request, await executor.ResumeAfterChallengeAsync(suspension, eventChangesJson, cancellationToken), cancellationToken);

    /// <summary>
    /// Starts an asynchronous trigger (post-user-registration, post-change-password) and returns at once: its Actions
    /// never delay or fail the user's request, and their failures only reach the logs.
    /// </summary>
    /// <param name="subject">Who the flow is about, for the logs.</param>
    public void Start(string triggerId, string eventJson, string subject) =>
        _ = Task.Run(async () =>
        {
            try
            {
                var actions = await flows.LoadAsync(triggerId, CancellationToken.None);
                if (actions.Count == 0)
                    return;
                var request = new FlowExecutionRequest { TenantId = tenant.Id, TriggerId = triggerId, EventJson = eventJson, Actions = actions };
                var result = await RecordedAsync(request, await CompletedAsync(await executor.ExecuteAsync(request, CancellationToken.None)), CancellationToken.None);
                if (result.Status == FlowStatus.Failed)
                    logger.LogWarning("{Trigger} failed for {Subject} (execution {ExecutionId})", triggerId, subject, result.ExecutionId);
            }
#pragma warning disable CA1031 // Detached: nothing is waiting to catch it, so it is logged here.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "{Trigger} could not run for {Subject}", triggerId, subject);
            }
        });

    /// <summary>
    /// The flow designer's test: the deployed flow, or the designer's unapplied canvas (<paramref name="canvas"/>: these
    /// Actions in this order, each at its deployed version), against an event an administrator wrote; waited for even when
    /// the trigger is asynchronous, and not recorded (it is no one's login). Secret values are write-only: the result
    /// shows <c>[secret NAME]</c> wherever an Action printed or passed one on, as the editor's test does.
    /// </summary>
    public async Task<FlowExecutionResult> TestAsync(
        string triggerId, string eventJson, IReadOnlyList<BindingReference>? canvas, CancellationToken cancellationToken)
    {
        var actions = canvas is null ? await flows.LoadAsync(triggerId, cancellationToken) : await flows.LoadAsync(triggerId, canvas, cancellationToken);
        var request = new FlowExecutionRequest { TenantId = tenant.Id, TriggerId = triggerId, EventJson = eventJson, Actions = actions };
        return TestRedaction.Redact(await CompletedAsync(await executor.ExecuteAsync(request, cancellationToken)), actions);
    }

    /// <summary>
    /// The editor's test panel and <c>POST .../test</c>: one Action's saved draft (code, secrets and dependencies not yet
    /// deployed) run as a one-Action flow of its trigger, through the same executor and effects, waited for and not
    /// recorded (it is no one's login).
    /// </summary>
    public async Task<FlowExecutionResult> TestDraftAsync(string triggerId, BoundAction draft, string eventJson, CancellationToken cancellationToken)
    {
        var request = new FlowExecutionRequest { TenantId = tenant.Id, TriggerId = triggerId, EventJson = eventJson, Actions = [draft] };
        return await CompletedAsync(await executor.ExecuteAsync(request, cancellationToken));
    }

    /// <summary>The test panel's simulated <c>/continue</c>: resumes a draft's test run that redirected, waited for and not recorded.</summary>
    public Task<FlowExecutionResult> TestDraftResumeAsync(FlowSuspension suspension, string eventChangesJson, CancellationToken cancellationToken) =>
        executor.ResumeAsync(suspension, eventChangesJson, cancellationToken);

    private static async Task<FlowExecutionResult> CompletedAsync(FlowExecutionResult result) =>
        result.Completion is { } completion ? await completion : result;

    // A canary's runs count towards its automatic rollback here, with the recording: one place for every real run.
    private async Task<FlowExecutionResult> RecordedAsync(FlowExecutionRequest request, FlowExecutionResult result, CancellationToken cancellationToken)
    {
        var executionId = recorder.Record(request, result);
        await canaries.ObserveAsync(request, result, cancellationToken);
        if (result.Status is not (FlowStatus.Completed or FlowStatus.Dispatched))
            logger.LogInformation("{Trigger} flow ended {Status} (execution {ExecutionId})", request.TriggerId, result.Status, executionId);
        return result with { ExecutionId = executionId };
    }
}
