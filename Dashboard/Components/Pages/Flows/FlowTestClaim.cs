namespace Flowgate.Dashboard.Components.Pages.Flows;

/// <summary>One claim of a decoded token in a flow test.</summary>
/// <param name="Name">The claim's name.</param>
/// <param name="Value">Its value as JSON.</param>
/// <param name="SetByAction">True for a custom claim an Action set; false for one the token always carries.</param>
public sealed record FlowTestClaim(string Name, string Value, bool SetByAction);
