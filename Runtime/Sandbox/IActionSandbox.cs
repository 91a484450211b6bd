using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// Runs Action code. The one seam between Flowgate and the JavaScript engine: in-process
/// (<see cref="V8ActionSandbox"/>) and supervised worker processes (<see cref="Worker.SandboxSupervisor"/>)
/// both implement it. Implementations never throw for anything the Action does; failures come back
/// in <see cref="ActionExecutionResult.Error"/>.
/// </summary>
public interface IActionSandbox : IAsyncDisposable
{
    /// <summary>
    /// Compiles a version and warms a context for it (call at deploy time, so the first login does not pay for it).
    /// Returns the compile or load error, or null when the version is ready.
    /// </summary>
    Task<ActionError?> PrepareAsync(ActionExecutionRequest request, CancellationToken cancellationToken);

    /// <summary>Runs the request's handler against its event and returns what the Action did.</summary>
    Task<ActionExecutionResult> ExecuteAsync(ActionExecutionRequest request, CancellationToken cancellationToken);
}
