namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>What a test of a continue handler did: the execute handler's run, its redirect (with the simulated state) and the continue handler's run.</summary>
/// <param name="Continue">The continue handler's run; null when the execute handler did not redirect (<paramref name="NotContinued"/> says so).</param>
public sealed record ContinueTestOutcome(ActionTestOutcome Execute, string? RedirectUrl, string State, ActionTestOutcome? Continue, string? NotContinued);
