namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>What a test run of a draft did: the api commands it issued, its console output, its error and its timings.</summary>
/// <param name="Commands">The api calls in the order the Action made them.</param>
/// <param name="Logs">The full console output, one entry per <c>console.*</c> call.</param>
/// <param name="Error">The uncaught error, or null when the Action completed.</param>
/// <param name="Stats">Timings in milliseconds, by Auth0's names (<c>action_duration_ms</c>, <c>boot_duration_ms</c>, ...).</param>
public sealed record ActionTestOutcome(
    IReadOnlyList<ActionTestCommand> Commands,
    IReadOnlyList<string> Logs,
    ActionTestError? Error,
    IReadOnlyDictionary<string, double> Stats);
