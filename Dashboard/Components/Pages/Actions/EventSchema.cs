using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Triggers;

namespace Flowgate.Dashboard.Components.Pages.Actions;

/// <summary>
/// A JSON schema of a trigger's event for the test panel's editor, from the trigger catalog: the top-level fields with
/// their documentation (unknown ones are flagged), and the shape of each inside from the trigger's sample event.
/// </summary>
internal static class EventSchema
{
    public static string Generate(TriggerDefinition trigger)
    {
        var sample = JsonNode.Parse(trigger.SampleEventJson) as JsonObject ?? [];
        var properties = new JsonObject();
        foreach (var field in trigger.EventFields)
        {
            var property = Infer(sample[field.Name]);
            property["description"] = field.Doc;
            properties[field.Name] = property;
        }
        var required = trigger.EventFields.Where(f => !f.Optional && sample.ContainsKey(f.Name)).Select(f => (JsonNode?)f.Name).ToArray();
        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = $"The event of the {trigger.DisplayName} trigger.",
            ["properties"] = properties,
            ["required"] = new JsonArray(required),
            // A misspelt field is a test that tests nothing: flag it.
            ["additionalProperties"] = false,
        }.ToJsonString();
    }

    // Nested objects stay open: metadata and request details carry whatever the application put there.
    private static JsonObject Infer(JsonNode? sample) => sample switch
    {
        JsonObject o => new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Infer(p.Value)))),
        },
        JsonArray { Count: > 0 } a => new JsonObject { ["type"] = "array", ["items"] = Infer(a[0]) },
        JsonArray => new JsonObject { ["type"] = "array" },
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => new JsonObject { ["type"] = new JsonArray("string", "null") },
            JsonValueKind.Number => new JsonObject { ["type"] = new JsonArray("number", "null") },
            JsonValueKind.True or JsonValueKind.False => new JsonObject { ["type"] = new JsonArray("boolean", "null") },
            _ => [],
        },
        _ => [],
    };
}
