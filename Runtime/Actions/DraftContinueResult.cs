using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Actions;

/// <summary>
/// A test of an Action's continue handler: the execute handler's run, the redirect it asked for (with the simulated
/// <c>state</c> appended, as <c>/continue</c> expects it back) and the continue handler's run; <see cref="Continue"/> is
/// null, with <see cref="NotContinued"/> saying why, when the execute handler did not redirect.
/// </summary>
public sealed record DraftContinueResult(
    ActionExecutionResult Execute, string? RedirectUrl, string State, ActionExecutionResult? Continue, string? NotContinued);
