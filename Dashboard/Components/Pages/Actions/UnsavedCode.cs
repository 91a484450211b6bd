namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>Edits kept in the browser since the last save: the code, and the draft stamp it was based on.</summary>
internal sealed record UnsavedCode(string Stamp, string Code);
