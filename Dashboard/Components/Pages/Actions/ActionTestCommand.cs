namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>One api call an Action made during a test run.</summary>
/// <param name="Method">The api path, e.g. <c>multifactor.enable</c> or <c>access.deny</c>.</param>
/// <param name="ArgumentsJson">The call's arguments as a JSON array.</param>
public sealed record ActionTestCommand(string Method, string ArgumentsJson);
