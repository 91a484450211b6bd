namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>Edits kept in the browser since the last save: the code, the draft stamp it was based on, and the old version loaded into it, if any.</summary>
internal sealed record UnsavedCode(string Stamp, string Code, string? FromVersion = null);
