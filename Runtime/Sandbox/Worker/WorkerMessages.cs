using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// A request to a worker: <c>prepare</c> or <c>execute</c> one Action request. A worker keeps the
/// code of every version it has seen, so after the first request for a version the code stays
/// home (<paramref name="CodeOmitted"/>) and a warm execution carries only the event.
/// </summary>
internal sealed record WorkerRequest(long Id, string Kind, ActionExecutionRequest Request, bool CodeOmitted = false);

/// <summary>A worker's answer to the request with the same id.</summary>
internal sealed record WorkerReply(long Id, ActionExecutionResult Result);

/// <summary>The error a worker answers when it was sent no code for a version it does not know.</summary>
internal static class WorkerErrors
{
    public const string MissingCode = "WorkerMissingCodeError";

    /// <summary>
    /// Never leaves the supervisor: the worker was ended by the watchdog for another execution's sake
    /// while this one waited or ran, so the supervisor sends it again to the replacement worker.
    /// </summary>
    public const string Resend = "WorkerResendError";

    /// <summary>
    /// A worker's report, not an answer: this request is still inside V8 past its deadline plus grace (the interrupt
    /// was not honoured), so the supervisor ends the worker. Its answer, if it ever came, would be ignored.
    /// </summary>
    public const string Stuck = "WorkerStuckError";
}
