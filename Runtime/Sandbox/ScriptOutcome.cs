using System.Text.Json;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox;

/// <summary>Reads the one JSON string an execution returns: <c>{commands, logs, error}</c>.</summary>
internal static class ScriptOutcome
{
    public static ActionExecutionResult Parse(string json)
    {
        var raw = JsonSerializer.Deserialize<Raw>(json, JsonSerializerOptions.Web)
            ?? throw new JsonException("The sandbox returned no result.");
        return new ActionExecutionResult
        {
            Commands = raw.Commands ?? [],
            Logs = raw.Logs ?? [],
            Error = raw.Error is null ? null : ToError(raw.Error),
        };
    }

    public static ActionError ParseError(string json) =>
        ToError(JsonSerializer.Deserialize<RawError>(json, JsonSerializerOptions.Web) ?? new RawError("Error", "Unknown error", null));

    private static ActionError ToError(RawError e) => new(e.Name, e.Message, e.Stack, ActionErrorClass.ActionError);

    private sealed record Raw(List<ActionCommand>? Commands, List<string>? Logs, RawError? Error);

    private sealed record RawError(string Name, string Message, string? Stack);
}
