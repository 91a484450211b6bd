using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Triggers;
using Flowgate.Shared.Execution;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>Builds execution requests for tests: the version id follows the code, so each distinct Action compiles once.</summary>
internal static class ActionRequests
{
    public static ActionExecutionRequest For(string triggerId, string code, string? eventJson = null, string tenant = "tenant-a",
        string? handler = null, IReadOnlyDictionary<string, string>? secrets = null, int? timeoutMs = null)
    {
        var trigger = TriggerCatalog.Get(triggerId);
        return new ActionExecutionRequest
        {
            TenantId = tenant,
            TriggerId = triggerId,
            VersionId = "ver_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)))[..16],
            Code = code,
            Handler = handler ?? trigger.ExecuteHandler,
            EventJson = eventJson ?? trigger.SampleEventJson,
            Secrets = secrets ?? new Dictionary<string, string>(),
            TimeoutMs = timeoutMs,
        };
    }

    public static ActionExecutionRequest PostLogin(string code, string? eventJson = null, string tenant = "tenant-a",
        string? handler = null, IReadOnlyDictionary<string, string>? secrets = null, int? timeoutMs = null) =>
        For("post-login", code, eventJson, tenant, handler, secrets, timeoutMs);

    /// <summary>The post-login sample event with changes applied, e.g. <c>e =&gt; e["authorization"]!["roles"] = new JsonArray("Admin")</c>.</summary>
    public static string PostLoginEvent(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(TriggerCatalog.Get("post-login").SampleEventJson)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    public static string Args(this ActionCommand command) => command.Args.GetRawText();
}
