namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>What a test run of a whole flow did: each Action's result in execution order, and the merged outcome in one sentence.</summary>
/// <param name="Actions">One entry per Action that ran (or failed), in order.</param>
/// <param name="Summary">The merged outcome, e.g. the resulting token claims and whether MFA or a redirect would happen.</param>
public sealed record FlowTestOutcome(IReadOnlyList<FlowTestActionResult> Actions, string Summary);
