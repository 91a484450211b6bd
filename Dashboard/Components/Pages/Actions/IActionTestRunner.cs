namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>
/// Runs an Action's saved draft against a test event for the editor's test panel, through the
/// real runtime with the Action's secrets. Optional: the panel says so when none is registered.
/// </summary>
public interface IActionTestRunner
{
    /// <summary>Runs the draft of <paramref name="actionId"/> with <paramref name="eventJson"/> (a JSON object) as <c>event</c>.</summary>
    Task<ActionTestOutcome> RunDraftAsync(string actionId, string eventJson, CancellationToken cancellationToken);
}
