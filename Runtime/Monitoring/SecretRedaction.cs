using System.Text.Json;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Monitoring;

/// <summary>
/// Secret values are write-only: when an Action prints one or puts it in a command, the record keeps
/// <c>[secret NAME]</c> instead, so execution logs never show what the secrets panel never shows.
/// </summary>
internal static class SecretRedaction
{
    // Shorter values are left alone: replacing "1" or "on" everywhere would garble logs and protect nothing.
    private const int MinimumLength = 4;

    public static string? Redact(string? text, IReadOnlyDictionary<string, string> secrets)
    {
        if (string.IsNullOrEmpty(text) || secrets.Count == 0)
            return text;
        // Longest first, so a secret that contains another is replaced whole.
        foreach (var (name, value) in secrets.Where(s => s.Value.Length >= MinimumLength).OrderByDescending(s => s.Value.Length))
        {
            var marker = $"[secret {name}]";
            text = text.Replace(value, marker, StringComparison.Ordinal);
            // In serialized commands the value appears JSON-escaped.
            var escaped = JsonSerializer.Serialize(value)[1..^1];
            if (escaped != value)
                text = text.Replace(escaped, marker, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>A result with the secrets' values replaced in its logs, commands and error.</summary>
    public static ActionExecutionResult Redact(ActionExecutionResult result, IReadOnlyDictionary<string, string> secrets) =>
        secrets.Count == 0 ? result : result with
        {
            Logs = [.. result.Logs.Select(line => Redact(line, secrets)!)],
            Commands = [.. result.Commands.Select(c => c with { Args = JsonSerializer.Deserialize<JsonElement>(Redact(c.Args.GetRawText(), secrets)!) })],
            Error = result.Error is { } error ? error with { Message = Redact(error.Message, secrets)!, Stack = Redact(error.Stack, secrets) } : null,
        };
}
