using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flowgate.Dashboard.Login;

/// <summary><c>event.request</c> as every trigger sees it: who asked, from where, with what.</summary>
internal static class EventRequest
{
    public static JsonObject From(HttpContext context) => new()
    {
        ["ip"] = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
        ["method"] = context.Request.Method,
        ["hostname"] = context.Request.Host.Host,
        ["user_agent"] = context.Request.Headers.UserAgent.ToString(),
        ["language"] = context.Request.Headers.AcceptLanguage.ToString().Split(',')[0],
        ["query"] = JsonSerializer.SerializeToNode(context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString())),
        ["geoip"] = new JsonObject(),
    };
}
