namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>One Action's part in a flow test run.</summary>
/// <param name="ActionName">The Action's name.</param>
/// <param name="Commands">The api calls it made, one readable line each (e.g. <c>api.accessToken.setCustomClaim("plan", "pro")</c>).</param>
/// <param name="Logs">Its console output, one line each.</param>
/// <param name="Error">The error it threw (name, message and stack), or null when it succeeded.</param>
public sealed record FlowTestActionResult(string ActionName, IReadOnlyList<string> Commands, IReadOnlyList<string> Logs, string? Error);
