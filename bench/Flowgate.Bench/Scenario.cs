using System.Text.Json.Nodes;
using Flowgate.Runtime.Triggers;

namespace Flowgate.Bench;

/// <summary>A post-login Action from the seeds with the event it is measured against.</summary>
internal sealed record Scenario(string Name, string Code, string EventJson)
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("MFA for role", """
            exports.onExecutePostLogin = async (event, api) => {
              if (event.authorization != undefined && event.authorization.roles.includes("Admin")) {
                  api.multifactor.enable("any");
              };
            };
            """, AdminEvent()),
        new("roles to claims", """
            exports.onExecutePostLogin = async (event, api) => {
              const namespace = 'https://my-app.example.com';
              if (event.authorization) {
                api.idToken.setCustomClaim(`${namespace}/roles`, event.authorization.roles);
                api.accessToken.setCustomClaim(`${namespace}/roles`, event.authorization.roles);
              }
            };
            """, AdminEvent()),
    ];

    private static string AdminEvent()
    {
        var node = JsonNode.Parse(TriggerCatalog.Get("post-login").SampleEventJson)!.AsObject();
        node["authorization"] = new JsonObject { ["roles"] = new JsonArray("Admin", "Editor") };
        return node.ToJsonString();
    }
}
