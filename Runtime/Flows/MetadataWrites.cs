using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Flows;

/// <summary>Metadata commands: kept for the one write at the end, and visible at once in the event later Actions receive.</summary>
internal static class MetadataWrites
{
    /// <summary><c>user.setUserMetadata</c> / <c>setAppMetadata</c>: a null value removes the key.</summary>
    public static bool User(Dictionary<string, JsonElement?> changes, JsonObject eventNode, string property, string key, JsonElement value)
    {
        var removes = value.ValueKind == JsonValueKind.Null;
        changes[key] = removes ? null : value;
        if (eventNode["user"] is not JsonObject user)
            return true;
        if (user[property] is not JsonObject metadata)
            user[property] = metadata = new JsonObject();
        if (removes) metadata.Remove(key); else metadata[key] = JsonNode.Parse(value.GetRawText());
        return true;
    }

    /// <summary><c>transaction.setMetadata</c>: shared with the later Actions through <c>event.transaction.metadata</c>.</summary>
    public static bool Transaction(FlowOutcome outcome, JsonObject eventNode, string key, JsonElement value)
    {
        var metadata = eventNode["transaction"] is JsonObject transaction
            ? transaction["metadata"] as JsonObject ?? (JsonObject)(transaction["metadata"] = new JsonObject())
            : null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            outcome.TransactionMetadata.Remove(key);
            metadata?.Remove(key);
            return true;
        }
        outcome.TransactionMetadata[key] = value;
        metadata?[key] = JsonNode.Parse(value.GetRawText());
        return true;
    }
}
