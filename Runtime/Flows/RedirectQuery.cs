using System.Text.Json;

namespace Flowgate.Runtime.Flows;

/// <summary>The <c>{ query }</c> option of <c>redirect.sendUserTo</c> and <c>transaction.setResultUrl</c>, appended to the address.</summary>
internal static class RedirectQuery
{
    public static string Append(string url, JsonElement options)
    {
        if (options.ValueKind != JsonValueKind.Object || !options.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.Object)
            return url;
        var pairs = query.EnumerateObject().Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()));
        return url + (url.Contains('?') ? "&" : "?") + string.Join("&", pairs);
    }
}
