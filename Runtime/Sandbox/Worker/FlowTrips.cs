using System.Collections.Concurrent;
using Flowgate.Runtime.Flows;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// A whole flow in one worker trip: the supervisor's side builds the message, the worker's side runs the flow executor's
/// own loop over its in-process sandbox (<see cref="TripSandbox"/>), so Auth0's semantics live in one place, and answers
/// with the flow's result. Per pipe round trip saved: the event written and read, a reply parsed, a wake-up on each side.
/// </summary>
internal static class FlowTrips
{
    /// <summary>The trip's message; <paramref name="sent"/> tells the versions whose code the worker already has.</summary>
    public static WorkerRequest Message(FlowTrip trip, Func<string, bool> sent, TimeSpan defaultTimeout)
    {
        var request = trip.Request;
        var omitted = new bool[request.Actions.Count];
        var actions = new BoundAction[request.Actions.Count];
        var dependencies = new List<ActionDependency>();
        for (var i = 0; i < actions.Length; i++)
        {
            var action = request.Actions[i];
            // Actions before the start do not run: their code never needs to go.
            omitted[i] = i < trip.Start || sent(action.VersionId);
            actions[i] = omitted[i] ? action with { Code = "" } : action;
            if (!omitted[i])
            {
                dependencies.AddRange(action.Dependencies);
            }
        }
        // The envelope's deadline is the watchdog's backstop for the trip: the flow's budget, or each Action's default deadline.
        var envelope = new ActionExecutionRequest
        {
            TenantId = request.TenantId,
            TriggerId = request.TriggerId,
            VersionId = "",
            Code = "",
            Handler = "",
            EventJson = request.EventJson,
            CacheJson = trip.CacheJson,
            Dependencies = dependencies,
            TimeoutMs = request.TimeoutMs ?? (int)(defaultTimeout.TotalMilliseconds * (actions.Length - trip.Start)),
        };
        var flow = new WorkerFlow(request with { EventJson = "", Actions = actions }, omitted, trip.Start, trip.Resume, trip.Outcome, trip.CacheNowMs);
        return new WorkerRequest(0, WorkerRequest.FlowKind, envelope, Flow: flow);
    }

    /// <summary>Runs a trip in the worker. Each Action is in <paramref name="running"/> while it runs, so a stuck one is reported with its flow.</summary>
    public static async Task<WorkerReply> RunAsync(V8ActionSandbox sandbox, WorkerRequest request, ConcurrentDictionary<string, string> codes,
        ConcurrentDictionary<ActionExecutionRequest, RunningRequest> running, CancellationToken cancellationToken)
    {
        var flow = request.Flow!;
        var actions = new BoundAction[flow.Request.Actions.Count];
        for (var i = 0; i < actions.Length; i++)
        {
            var action = flow.Request.Actions[i];
            if (!flow.CodeOmitted[i])
            {
                codes[action.VersionId] = action.Code;
                actions[i] = action;
            }
            else if (i < flow.Start)
            {
                actions[i] = action;
            }
            else if (codes.TryGetValue(action.VersionId, out var code))
            {
                actions[i] = action with { Code = code };
            }
            else
            {
                return new WorkerReply(request.Id, ActionExecutionResult.Failed(ActionErrorClass.PlatformError, WorkerErrors.MissingCode,
                    "The worker has no code for a version of this flow; the host resends it."));
            }
        }
        var run = new FlowRun(flow.Request with { EventJson = request.Request.EventJson, Actions = actions }, flow.Start, flow.Outcome, flow.Resume);
        var trip = new TripSandbox(sandbox, request.Request.CacheJson, flow.CacheNowMs,
            entering: action => running[action] = new RunningRequest(request.Id, run), left: action => running.TryRemove(action, out _));
        var result = await new FlowExecutor(trip).RunHereAsync(run, cancellationToken);
        // The host completes a suspension from its own request (FlowTrip.Completed): the Actions' code and secrets need not come back.
        if (result.Suspension is { } suspension)
        {
            result = result with { Suspension = suspension with { Request = suspension.Request with { Actions = [] } } };
        }
        return new WorkerReply(request.Id, new ActionExecutionResult(), new FlowTripResult { Result = result });
    }

    /// <summary>
    /// The report of an Action of a trip still inside V8 past its deadline: the Actions before it, its timeout, and the
    /// outcome and event as they were, so the host applies its failure policy once the worker is ended.
    /// </summary>
    public static WorkerReply StuckReport(long id, FlowRun run, ActionExecutionRequest stuck, TimeSpan defaultTimeout)
    {
        var timeout = stuck.TimeoutMs is > 0 ? TimeSpan.FromMilliseconds(stuck.TimeoutMs.Value) : defaultTimeout;
        var timedOut = new FlowActionResult
        {
            ActionId = stuck.ActionId, ActionName = stuck.ActionName, VersionId = stuck.VersionId, Handler = stuck.Handler,
            Result = WorkerFailures.TimedOut(stuck, timeout), StartedAt = DateTimeOffset.UtcNow - timeout, EndedAt = DateTimeOffset.UtcNow,
        };
        var cut = new FlowTripResult
        {
            Result = new FlowExecutionResult { Status = FlowStatus.Failed, Actions = [.. run.Results, timedOut], Outcome = run.Outcome, Error = timedOut.Result.Error },
            CutAt = run.Index,
            EventJson = stuck.EventJson,
        };
        return new WorkerReply(id, ActionExecutionResult.Failed(ActionErrorClass.ActionTimeout, WorkerErrors.Stuck, "Still inside V8 past the deadline."), cut);
    }
}

/// <summary>A request inside the worker's sandbox: its id on the pipe, and its flow when it is one Action of a trip.</summary>
internal sealed record RunningRequest(long Id, FlowRun? Flow);
