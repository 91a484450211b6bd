using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Flowgate.Runtime.Mfa;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Monitoring;

/// <summary>
/// What an execution record must never keep. Secret values are write-only: when an Action prints one or puts it
/// in a command, the record keeps <c>[secret NAME]</c>. Credentials the event carries (an SMS code, a reset ticket,
/// a password) become <c>[redacted NAME]</c> and a phone number keeps only its last four digits, in the stored event
/// and in everything the Actions printed or returned; the Actions themselves ran with the real values.
/// <c>Bearer</c>/<c>Basic</c> credentials an Action prints are cut too.
/// </summary>
internal static partial class SecretRedaction
{
    // Shorter values are left alone: replacing "1" or "on" everywhere would garble logs and protect nothing.
    private const int MinimumLength = 4;

    // Where the event carries a credential, by path; the value found there is replaced wherever it appears.
    private static readonly string[][] CredentialPaths =
    [
        ["message_options", "code"], ["request", "query", "ticket"], ["request", "query", "password"],
        ["request", "body", "password"], ["request", "body", "ticket"],
    ];

    public static string? Redact(string? text, IReadOnlyDictionary<string, string> secrets) =>
        Redact(text, secrets.Select(s => (s.Value, $"[secret {s.Key}]")).ToList());

    /// <summary>Replaces each value (longest first, so one that contains another goes whole), raw and JSON-escaped.</summary>
    public static string? Redact(string? text, IReadOnlyList<(string Value, string Replacement)> values)
    {
        if (string.IsNullOrEmpty(text) || values.Count == 0)
            return text;
        foreach (var (value, replacement) in values.Where(v => v.Value.Length >= MinimumLength).OrderByDescending(v => v.Value.Length))
        {
            text = text.Replace(value, replacement, StringComparison.Ordinal);
            // In serialized commands the value appears JSON-escaped.
            var escaped = JsonSerializer.Serialize(value)[1..^1];
            if (escaped != value)
                text = text.Replace(escaped, replacement, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>What is stored of one Action's output: its secrets' and the event's credentials replaced, header credentials cut.</summary>
    public static string? RedactStored(string? text, IReadOnlyDictionary<string, string> secrets, string eventJson) =>
        RedactStored(text, secrets, EventCredentials(eventJson));

    /// <summary>As above, with the event's credentials already found (<see cref="EventCredentials"/>).</summary>
    public static string? RedactStored(string? text, IReadOnlyDictionary<string, string> secrets, IReadOnlyList<(string Value, string Replacement)> eventCredentials) =>
        text is null ? null : Credentials().Replace(Redact(Redact(text, secrets), eventCredentials)!, "$1 [redacted]");

    /// <summary>The event as stored: credentials replaced, the phone number masked.</summary>
    public static string RedactEvent(string eventJson) => Redact(eventJson, EventCredentials(eventJson))!;

    /// <summary>The credentials found in an event, each with what replaces it in stored text.</summary>
    public static IReadOnlyList<(string Value, string Replacement)> EventCredentials(string eventJson)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(eventJson);
        }
        catch (JsonException)
        {
            return [];
        }
        var found = new List<(string, string)>();
        foreach (var path in CredentialPaths)
            if (At(root, path) is { } value)
                found.Add((value, $"[redacted {path[^1]}]"));
        if (At(root, ["message_options", "recipient"]) is { } number)
            found.Add((number, PhoneCodes.Mask(number)));
        return found;
    }

    private static string? At(JsonNode? node, string[] path)
    {
        foreach (var name in path)
            node = node is JsonObject o && o.TryGetPropertyValue(name, out var child) ? child : null;
        return node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
    }

    /// <summary>A result with the secrets' values replaced in its logs, commands and error.</summary>
    public static ActionExecutionResult Redact(ActionExecutionResult result, IReadOnlyDictionary<string, string> secrets) =>
        secrets.Count == 0 ? result : result with
        {
            Logs = [.. result.Logs.Select(line => Redact(line, secrets)!)],
            Commands = [.. result.Commands.Select(c => c with { Args = JsonSerializer.Deserialize<JsonElement>(Redact(c.Args.GetRawText(), secrets)!) })],
            Error = result.Error is { } error ? error with { Message = Redact(error.Message, secrets)!, Stack = Redact(error.Stack, secrets) } : null,
        };

    // "Authorization: Bearer eyJ...", "Basic dXNlcjpwYXNz": the scheme stays, so the log still says what was sent.
    [GeneratedRegex(@"\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]{8,}=*", RegexOptions.IgnoreCase)]
    private static partial Regex Credentials();
}
