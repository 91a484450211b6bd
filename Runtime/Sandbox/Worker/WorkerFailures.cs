using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>The results of executions a worker could not answer, with messages that say what happened.</summary>
internal static class WorkerFailures
{
    public static ActionExecutionResult Crashed(string exit, string reason) =>
        ActionExecutionResult.Failed(ActionErrorClass.PlatformError, "WorkerCrashError",
            $"The sandbox worker process ended while this Action ran ({exit}{(reason.Length > 0 ? ": " + reason : "")}). The worker was restarted.");

    public static ActionExecutionResult TimedOut(PendingRequest pending) => pending.Message.Flow is null
        ? TimedOut(pending.Message.Request, pending.Timeout)
        : ActionExecutionResult.Failed(ActionErrorClass.ActionTimeout, "TimeoutError",
            $"The flow's Actions did not finish within {pending.Timeout.TotalMilliseconds:0} ms and their sandbox worker process answered nothing, so it was ended.");

    /// <summary>The Action of <paramref name="request"/> stayed inside V8 past its deadline (<paramref name="timeout"/>), so its worker is ended.</summary>
    public static ActionExecutionResult TimedOut(ActionExecutionRequest request, TimeSpan timeout)
    {
        var action = request.ActionName.Length > 0 ? request.ActionName : request.ActionId.Length > 0 ? request.ActionId : request.VersionId;
        return ActionExecutionResult.Failed(ActionErrorClass.ActionTimeout, "TimeoutError",
            $"The Action '{action}' did not finish within {timeout.TotalMilliseconds:0} ms and did not yield to the deadline " +
            "(some builtins, e.g. sorting a huge sparse array, cannot be interrupted), so its sandbox worker process was ended.");
    }

    public static ActionExecutionResult Resend(string why) => ActionExecutionResult.Failed(ActionErrorClass.PlatformError, WorkerErrors.Resend, why);
}
