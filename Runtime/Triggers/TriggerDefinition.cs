namespace Flowgate.Runtime.Triggers;

/// <summary>
/// One trigger, described once: everything else (the sandbox's <c>api</c> object, the editor's
/// <c>.d.ts</c>, the test panel's default event, the Management API's trigger list) is generated from it.
/// </summary>
public sealed record TriggerDefinition
{
    /// <summary>Auth0's trigger id, e.g. <c>post-login</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The current trigger version, e.g. <c>v3</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The name the dashboard shows, e.g. <c>Login / Post Login</c>.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The handler called when the trigger fires, e.g. <c>onExecutePostLogin</c>.</summary>
    public required string ExecuteHandler { get; init; }

    /// <summary>The handler called when a suspended flow resumes (after a redirect), if the trigger has one.</summary>
    public string? ContinueHandler { get; init; }

    /// <summary>True when the trigger blocks its transaction; false for fire-and-forget triggers.</summary>
    public required bool Blocking { get; init; }

    /// <summary>The TypeScript name of the api type, e.g. <c>PostLoginAPI</c>.</summary>
    public required string ApiTypeName { get; init; }

    /// <summary>The top-level fields of <c>event</c>.</summary>
    public required IReadOnlyList<EventField> EventFields { get; init; }

    /// <summary>Every method of <c>api</c>, in documentation order.</summary>
    public required IReadOnlyList<ApiMethod> Api { get; init; }

    /// <summary>A realistic event for the test panel and the CLI (JSON object).</summary>
    public string SampleEventJson => SampleEvents.Load(Id);

    /// <summary>The handler names, execute first.</summary>
    public IEnumerable<string> Handlers => ContinueHandler is null ? [ExecuteHandler] : [ExecuteHandler, ContinueHandler];
}
