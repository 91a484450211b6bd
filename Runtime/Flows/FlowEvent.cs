using System.Text.Json.Nodes;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// The event as it passes along a flow. It stays the JSON text it arrived as until a command changes it
/// (a metadata write later Actions must see), so the common flow, whose Actions only add claims or
/// deny, never parses or re-serializes the event on the host.
/// </summary>
internal sealed class FlowEvent
{
    private string? _json;
    private JsonObject? _node;

    public FlowEvent(string json) => _json = json;

    public FlowEvent(JsonObject node) => _node = node;

    /// <summary>The event as later Actions receive it.</summary>
    public string Json => _json ??= _node!.ToJsonString();

    /// <summary>The event's members, to read.</summary>
    public JsonObject Read() => _node ??= JsonNode.Parse(_json!)!.AsObject();

    /// <summary>The event's members, to change: the text is rebuilt when next asked for.</summary>
    public JsonObject Change()
    {
        var node = Read();
        _json = null;
        return node;
    }
}
