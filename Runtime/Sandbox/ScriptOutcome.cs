using System.Text.Json;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Sandbox;

/// <summary>Reads the one JSON string an execution returns: <c>{commands, logs, error, cache?}</c>.</summary>
internal static class ScriptOutcome
{
    // One parse into an unpooled document; command arguments are elements of it, so nothing is cloned.
    public static ActionExecutionResult Parse(string json)
    {
        var root = JsonSerializer.Deserialize<JsonElement>(json);
        var commandsJson = root.GetProperty("commands");
        var commands = new ActionCommand[commandsJson.GetArrayLength()];
        var i = 0;
        foreach (var command in commandsJson.EnumerateArray())
        {
            commands[i++] = new ActionCommand(command.GetProperty("method").GetString()!, command.GetProperty("args"));
        }
        var logsJson = root.GetProperty("logs");
        var logs = new string[logsJson.GetArrayLength()];
        i = 0;
        foreach (var line in logsJson.EnumerateArray())
        {
            logs[i++] = line.GetString()!;
        }
        var error = root.GetProperty("error");
        return new ActionExecutionResult
        {
            Commands = commands,
            Logs = logs,
            Error = error.ValueKind == JsonValueKind.Object ? ToError(error) : null,
            CacheWrites = root.TryGetProperty("cache", out var cache) ? cache.Deserialize<ActionCacheWrite[]>(JsonSerializerOptions.Web)! : [],
        };
    }

    public static ActionError ParseError(string json) => ToError(JsonSerializer.Deserialize<JsonElement>(json));

    private static ActionError ToError(JsonElement e) => new(
        e.TryGetProperty("name", out var name) ? name.GetString() ?? "Error" : "Error",
        e.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "",
        e.TryGetProperty("stack", out var stack) && stack.ValueKind == JsonValueKind.String ? stack.GetString() : null,
        ActionErrorClass.ActionError);
}
