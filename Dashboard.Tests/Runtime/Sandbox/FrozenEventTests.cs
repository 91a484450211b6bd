using System.Text.Json.Nodes;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>The event an Action gets is a deep-frozen plain object: it reads, enumerates and serializes like the JSON it came from, and refuses writes.</summary>
public sealed class FrozenEventTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_large_event_reaches_the_Action_whole()
    {
        var eventJson = ActionRequests.PostLoginEvent(e => e["connection"]!["metadata"] = new JsonObject { ["notes"] = new string('x', 56_000) });
        var code = "exports.onExecutePostLogin = async (event, api) => { console.log(event.user.email, event.connection.metadata.notes.length); };";

        var result = await fixture.Sandbox.ExecuteAsync(ActionRequests.PostLogin(code, eventJson, tenant: "frozen"), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(["j+smith@example.com 56000"], result.Logs);
    }

    [Fact]
    public async Task The_event_reads_enumerates_serializes_and_refuses_writes_like_a_frozen_object()
    {
        var eventJson = ActionRequests.PostLoginEvent(e => e["authorization"]!["roles"] = new JsonArray("Admin"));
        var code = """
            exports.onExecutePostLogin = async (event, api) => {
              'use strict';
              const same = event.user === event.user && event.user.identities === event.user.identities;
              let refused = 0;
              for (const write of [() => { event.user = {}; }, () => { event.user.email = 'x'; }, () => { delete event.client; }, () => { event.extra = 1; }]) {
                try { write(); } catch (e) { if (e instanceof TypeError) refused++; }
              }
              console.log(JSON.stringify({
                keys: Object.keys(event), same, refused, frozen: Object.isFrozen(event) && Object.isFrozen(event.authorization.roles),
                roles: event.authorization.roles, spread: { ...event }.client.name, copy: JSON.parse(JSON.stringify(event)),
              }));
            };
            """;

        var result = await fixture.Sandbox.ExecuteAsync(ActionRequests.PostLogin(code, eventJson, tenant: "frozen"), CancellationToken.None);

        Assert.Null(result.Error);
        var seen = JsonNode.Parse(result.Logs.Single())!;
        var original = JsonNode.Parse(eventJson)!.AsObject();
        original["secrets"] = new JsonObject();
        Assert.Equal(original.Select(p => p.Key).ToArray(), seen["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ToArray());
        Assert.True(seen["same"]!.GetValue<bool>());
        Assert.Equal(4, seen["refused"]!.GetValue<int>());
        Assert.True(seen["frozen"]!.GetValue<bool>());
        Assert.Equal("""["Admin"]""", seen["roles"]!.ToJsonString());
        Assert.Equal(original["client"]!["name"]!.GetValue<string>(), seen["spread"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(original, seen["copy"]), seen["copy"]!.ToJsonString());
    }
}
