using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>
/// A request to a worker: <c>prepare</c> or <c>execute</c> one Action request, or run a whole <c>flow</c>
/// (<paramref name="Flow"/>; then <paramref name="Request"/> is only its envelope: tenant, trigger, event, cache and
/// the watchdog's budget). A worker keeps the code of every version it has seen, so after the first request for a
/// version the code stays home (<paramref name="CodeOmitted"/>) and a warm execution carries only the event.
/// </summary>
internal sealed record WorkerRequest(long Id, string Kind, ActionExecutionRequest Request, bool CodeOmitted = false, WorkerFlow? Flow = null)
{
    public const string FlowKind = "flow";
}

/// <summary>
/// A flow trip's own part: the request (its event travels in the envelope, as raw UTF-8), which Actions' code stays
/// home (<paramref name="CodeOmitted"/>, by index; their <c>Code</c> is empty), and where the flow starts.
/// </summary>
internal sealed record WorkerFlow(FlowExecutionRequest Request, IReadOnlyList<bool> CodeOmitted, int Start, bool Resume, FlowOutcome Outcome, long CacheNowMs);

/// <summary>
/// A worker's answer to the request with the same id. A flow trip's answer is in <paramref name="Flow"/>; a stuck
/// report of a flow (<see cref="WorkerErrors.Stuck"/>) carries there how far the flow got.
/// </summary>
internal sealed record WorkerReply(long Id, ActionExecutionResult Result, FlowTripResult? Flow = null);

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
