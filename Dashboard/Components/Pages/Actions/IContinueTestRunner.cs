namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>
/// Tests an Action's continue handler for the editor: the saved draft's execute handler, then, when it redirects, a
/// simulated <c>/continue</c> with the given query and body. Optional, like <see cref="IActionTestRunner"/>.
/// </summary>
public interface IContinueTestRunner
{
    /// <summary>Runs the draft of <paramref name="actionId"/> with <paramref name="eventJson"/>, then its continue handler with the query and body (a JSON object).</summary>
    Task<ContinueTestOutcome> RunWithContinueAsync(
        string actionId, string eventJson, IReadOnlyDictionary<string, string> query, string bodyJson, CancellationToken cancellationToken);
}
