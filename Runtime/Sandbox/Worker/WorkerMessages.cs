using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>A request to a worker: <c>prepare</c> or <c>execute</c> one Action request.</summary>
internal sealed record WorkerRequest(long Id, string Kind, ActionExecutionRequest Request);

/// <summary>A worker's answer to the request with the same id.</summary>
internal sealed record WorkerReply(long Id, ActionExecutionResult Result);
