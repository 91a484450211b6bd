using System.Text.Json;

namespace Flowgate.Runtime.Flows;

/// <summary>One command's arguments as the sandbox recorded them (a JSON array), read leniently: a missing or mistyped argument is null.</summary>
internal readonly record struct CommandArgs(string Method, JsonElement Raw)
{
    private JsonElement[] Items => Raw.ValueKind == JsonValueKind.Array ? [.. Raw.EnumerateArray()] : [];

    public int Count => Raw.ValueKind == JsonValueKind.Array ? Raw.GetArrayLength() : 0;

    /// <summary>The argument if it is a string.</summary>
    public string? Text(int i) => Arg(i) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The argument (a JSON null when absent), detached from the command.</summary>
    public JsonElement Arg(int i) => i < Count ? Items[i].Clone() : JsonSerializer.SerializeToElement<object?>(null);

    /// <summary>The distinct strings of an array argument; empty when it is not an array.</summary>
    public List<string> Strings(int i) => Arg(i) is { ValueKind: JsonValueKind.Array } array
        ? [.. array.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).Distinct()]
        : [];
}
