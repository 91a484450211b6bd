using System.Text.Json.Nodes;
using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Triggers;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// Runs a trigger's bound Actions in order with Auth0's semantics: a deny stops the chain; metadata
/// writes are batched and visible to later Actions' <c>event.user</c>; transaction metadata is
/// shared; a challenge, enrollment, prompt or redirect suspends the flow after the Action that asked,
/// and <see cref="ResumeAsync"/> runs that Action's <c>onContinue...</c> handler, then the rest;
/// an uncaught error fails the trigger; asynchronous triggers never block the caller.
/// </summary>
public sealed class FlowExecutor(IActionSandbox sandbox)
{
    private readonly IFlowSandbox? _trips = sandbox as IFlowSandbox;

    /// <summary>Runs the flow. For an asynchronous trigger it returns at once as <see cref="FlowStatus.Dispatched"/>.</summary>
    public Task<FlowExecutionResult> ExecuteAsync(FlowExecutionRequest request, CancellationToken cancellationToken)
    {
        var trigger = TriggerCatalog.Get(request.TriggerId);
        if (!trigger.Blocking)
        {
            // The caller's token ends with its request; the detached run keeps only the trigger's own budget.
            var completion = Task.Run(() => RunAsync(request, 0, new FlowOutcome(), resume: false, CancellationToken.None), CancellationToken.None);
            return Task.FromResult(new FlowExecutionResult { Status = FlowStatus.Dispatched, Completion = completion });
        }
        return RunAsync(request, 0, new FlowOutcome(), resume: false, cancellationToken);
    }

    /// <summary>
    /// Resumes a suspended flow. <paramref name="eventChangesJson"/> replaces top-level event fields,
    /// e.g. the new <c>request</c> of the <c>/continue</c> call or the updated <c>authentication</c>.
    /// </summary>
    public Task<FlowExecutionResult> ResumeAsync(FlowSuspension suspension, string? eventChangesJson, CancellationToken cancellationToken) =>
        ResumeAsync(suspension, eventChangesJson, resume: true, cancellationToken);

    /// <summary>
    /// Goes on after a factor challenge: the suspending Action has done its part, so the flow resumes at the
    /// next Action (as Auth0 does after <c>challengeWith</c>), with the event's changes applied.
    /// </summary>
    public Task<FlowExecutionResult> ResumeAfterChallengeAsync(FlowSuspension suspension, string? eventChangesJson, CancellationToken cancellationToken) =>
        ResumeAsync(suspension with { ActionIndex = suspension.ActionIndex + 1 }, eventChangesJson, resume: false, cancellationToken);

    private Task<FlowExecutionResult> ResumeAsync(FlowSuspension suspension, string? eventChangesJson, bool resume, CancellationToken cancellationToken)
    {
        var eventNode = JsonNode.Parse(suspension.Request.EventJson)!.AsObject();
        if (eventChangesJson is not null)
        {
            foreach (var (name, value) in JsonNode.Parse(eventChangesJson)!.AsObject().ToList())
            {
                eventNode[name] = value?.DeepClone();
            }
        }
        var outcome = suspension.Outcome;
        outcome.RedirectUrl = null;
        outcome.PromptId = null;
        outcome.Factors = null;
        var request = suspension.Request with { EventJson = eventNode.ToJsonString() };
        return RunAsync(request, suspension.ActionIndex, outcome, resume, cancellationToken);
    }

    private async Task<FlowExecutionResult> RunAsync(FlowExecutionRequest request, int start, FlowOutcome outcome, bool resume, CancellationToken cancellationToken)
    {
        // One worker trip for the whole flow when the sandbox offers it: the same loop runs there (RunHereAsync).
        if (_trips is not null && await _trips.ExecuteFlowAsync(new FlowTrip(request, start, outcome, resume), cancellationToken) is { } trip)
        {
            return await AfterTripAsync(request, trip, cancellationToken);
        }
        return await RunHereAsync(new FlowRun(request, start, outcome, resume), cancellationToken);
    }

    // A trip cut short by the worker's end inside one Action: that Action timed out, and its failure policy decides the rest.
    private async Task<FlowExecutionResult> AfterTripAsync(FlowExecutionRequest request, FlowTripResult trip, CancellationToken cancellationToken)
    {
        if (trip.CutAt is not { } cut)
        {
            return trip.Result;
        }
        if (request.Actions[cut].FailurePolicy == ActionFailurePolicy.FailTrigger)
        {
            return trip.Result with { Status = FlowStatus.Failed, Error = trip.Result.Actions[^1].Result.Error };
        }
        var rest = await RunAsync(request with { EventJson = trip.EventJson ?? request.EventJson }, cut + 1, trip.Result.Outcome, resume: false, cancellationToken);
        return rest with { Actions = [.. trip.Result.Actions, .. rest.Actions] };
    }

    /// <summary>Runs the flow's Actions through this executor's sandbox, one call each (in a worker: the trip's Actions).</summary>
    internal async Task<FlowExecutionResult> RunHereAsync(FlowRun run, CancellationToken cancellationToken)
    {
        var request = run.Request;
        var trigger = TriggerCatalog.Get(request.TriggerId);
        var flowEvent = run.Event;
        var outcome = run.Outcome;
        var results = run.Results;
        var deadline = request.TimeoutMs is { } budget ? DateTime.UtcNow.AddMilliseconds(budget) : (DateTime?)null;
        for (var index = run.Start; index < request.Actions.Count; index++)
        {
            run.Index = index;
            var action = request.Actions[index];
            var handler = run.Handler(trigger, index);
            var remaining = deadline is { } d ? Math.Max(1, (int)(d - DateTime.UtcNow).TotalMilliseconds) : (int?)null;
            var startedAt = DateTimeOffset.UtcNow;
            var result = await sandbox.ExecuteAsync(new ActionExecutionRequest
            {
                TenantId = request.TenantId,
                TriggerId = request.TriggerId,
                ActionId = action.ActionId,
                ActionName = action.Name,
                VersionId = action.VersionId,
                Code = action.Code,
                Handler = handler,
                EventJson = flowEvent.Json,
                Secrets = action.Secrets,
                Dependencies = action.Dependencies,
                TimeoutMs = remaining,
            }, cancellationToken);
            results.Add(new FlowActionResult
            {
                ActionId = action.ActionId, ActionName = action.Name, VersionId = action.VersionId, Handler = handler, Result = result,
                StartedAt = startedAt, EndedAt = DateTimeOffset.UtcNow,
            });

            if (result.Error is not null && action.FailurePolicy == ActionFailurePolicy.FailTrigger)
            {
                CommandEffects.Apply(result.Commands, outcome, flowEvent);
                return new FlowExecutionResult { Status = FlowStatus.Failed, Actions = results, Outcome = outcome, Error = result.Error };
            }
            // "Continue on error": the failure is recorded and the flow goes on without what the failed Action asked for.
            if (result.Error is not null)
                continue;
            switch (CommandEffects.Apply(result.Commands, outcome, flowEvent))
            {
                case CommandEffects.Next.Stop:
                    return new FlowExecutionResult { Status = FlowStatus.Denied, Actions = results, Outcome = outcome };
                case CommandEffects.Next.Suspend when trigger.Blocking:
                    var suspension = new FlowSuspension { Request = request with { EventJson = flowEvent.Json }, ActionIndex = index, Outcome = outcome };
                    return new FlowExecutionResult { Status = FlowStatus.Suspended, Actions = results, Outcome = outcome, Suspension = suspension };
            }
        }
        return new FlowExecutionResult { Status = FlowStatus.Completed, Actions = results, Outcome = outcome };
    }
}
