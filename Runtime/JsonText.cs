using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flowgate.Runtime;

/// <summary>JSON text that may be missing or malformed (stored events, what an admin typed).</summary>
internal static class JsonText
{
    /// <summary>The parsed node, or null when the text is null or not JSON.</summary>
    public static JsonNode? TryParse(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
