using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Actions;

namespace Flowgate.Runtime.Identity;

/// <summary><c>user_metadata</c> and <c>app_metadata</c>: JSON objects with Auth0's merge and naming rules.</summary>
public static class UserMetadata
{
    /// <summary>Keeps a user row reasonable; Auth0's own limits are larger but meant for the same purpose.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The stored metadata as an object.</summary>
    public static JsonObject Parse(string json) => JsonNode.Parse(json) as JsonObject ?? [];

    /// <summary>
    /// Auth0's merge: top-level properties of <paramref name="patch"/> replace the stored ones (nested
    /// objects are replaced, not merged), a null value removes the property, and an empty object clears all.
    /// </summary>
    public static string Merge(string storedJson, JsonObject patch, string field)
    {
        if (patch.Count == 0)
            return "{}";
        var stored = Parse(storedJson);
        foreach (var (key, value) in patch)
        {
            if (value is null)
                stored.Remove(key);
            else
                stored[key] = value.DeepClone();
        }
        return Serialize(stored, field);
    }

    /// <summary>Validated JSON for storing <paramref name="metadata"/> whole.</summary>
    public static string Serialize(JsonObject metadata, string field)
    {
        if (Problem(metadata) is { } problem)
            throw new OperationRejectedException(RejectionKind.Invalid, $"Payload validation error: {field} {problem}");
        var json = metadata.ToJsonString();
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes)
            throw new OperationRejectedException(RejectionKind.Invalid, $"Payload validation error: {field} is larger than {MaxBytes / 1024} kB.");
        return json;
    }

    /// <summary>
    /// Why text typed in an editor cannot be stored as metadata (not JSON, not an object, a bad property
    /// name); null when it can.
    /// </summary>
    public static string? Problem(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject metadata ? Problem(metadata) : "must be a JSON object.";
        }
        catch (JsonException e)
        {
            // The parser's message ends with its own position details; the line is said once, counted from 1.
            var reason = e.Message.Split([" Path:", " LineNumber:"], StringSplitOptions.None)[0].TrimEnd('.');
            return $"is not valid JSON (line {e.LineNumber + 1}): {reason}.";
        }
    }

    // Auth0 refuses these names: they clash with its search syntax and document store.
    private static string? Problem(JsonObject metadata) =>
        metadata.Select(p => p.Key).FirstOrDefault(k => k.Length == 0 || k.Contains('.') || k.StartsWith('$')) is { } bad
            ? $"has a property name that is empty, contains a dot or starts with $: '{bad}'."
            : null;
}
