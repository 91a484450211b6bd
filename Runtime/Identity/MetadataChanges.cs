using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Identity;

/// <summary>Applies a flow's batched metadata writes to a user, as one update (Auth0's semantics).</summary>
public static class MetadataChanges
{
    /// <summary>True when the outcome wrote any metadata.</summary>
    public static bool Any(FlowOutcome outcome) => outcome.UserMetadata.Count > 0 || outcome.AppMetadata.Count > 0;

    /// <summary>Applies the writes to the user's metadata JSON; the caller saves the user.</summary>
    public static void ApplyTo(TenantUser user, FlowOutcome outcome)
    {
        user.UserMetadataJson = Merge(user.UserMetadataJson, outcome.UserMetadata);
        user.AppMetadataJson = Merge(user.AppMetadataJson, outcome.AppMetadata);
    }

    // null removes a key, anything else sets it.
    private static string Merge(string json, Dictionary<string, JsonElement?> changes)
    {
        if (changes.Count == 0)
            return json;
        var node = JsonNode.Parse(json)?.AsObject() ?? new JsonObject();
        foreach (var (key, value) in changes)
        {
            if (value is null || value.Value.ValueKind == JsonValueKind.Null)
                node.Remove(key);
            else
                node[key] = JsonNode.Parse(value.Value.GetRawText());
        }
        return node.ToJsonString();
    }
}
