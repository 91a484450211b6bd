namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>The error that ended a test run.</summary>
/// <param name="Name">The JavaScript error's name, e.g. <c>TypeError</c>.</param>
/// <param name="Message">The error's message.</param>
/// <param name="Stack">The JavaScript stack, when there is one.</param>
/// <param name="Line">The 1-based line in the Action's code, when known; the editor highlights it.</param>
public sealed record ActionTestError(string Name, string Message, string? Stack, int? Line);
