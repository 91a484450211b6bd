using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Sandbox;
using Flowgate.Runtime.Triggers;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>
/// The sandbox parses an event's members when an Action first reads them (<see cref="EventIndex"/>): the
/// index must find exactly the members a JSON parser finds, and the event must behave like the fully
/// parsed, deep-frozen object Actions always saw.
/// </summary>
public sealed class LazyEventTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    public static TheoryData<string> Events()
    {
        var data = new TheoryData<string>();
        foreach (var trigger in TriggerCatalog.All)
        {
            data.Add(trigger.SampleEventJson);
        }
        data.Add("""{"a":"}],{[\"\\","b" : [ {"c": [1, 2, {"d": "e"}]}, "x,y" ] ,"c":null, "d": -1.5e3 ,"é":"ü\u2028"}""");
        data.Add(" \n{ \"only\" : true } \r\n");
        return data;
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void The_index_finds_every_top_level_member_with_its_exact_text(string json)
    {
        var index = EventIndex.Of(json);
        var members = new List<(string Key, string Value)>();
        for (var i = 0; i < index.Length; i += 4)
        {
            members.Add((json[index[i]..index[i + 1]], json[index[i + 2]..index[i + 3]]));
        }

        using var document = JsonDocument.Parse(json);
        var expected = document.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetRawText())).ToList();
        Assert.Equal(expected, members);
    }

    [Theory]
    [InlineData("""{"esc\"aped": 1}""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""{"a": [1, 2}""")]
    [InlineData("""{"a": "unterminated}""")]
    [InlineData("""{"a": 1} trailing""")]
    [InlineData("""{}""")]
    [InlineData("")]
    public void Unusual_or_broken_text_gets_no_index_so_the_sandbox_parses_it_whole(string json) =>
        Assert.Equal("", EventIndex.Of(json));

    [Fact]
    public async Task Members_past_the_surrogate_range_of_offsets_read_correctly()
    {
        // Offsets are UTF-16 code units; 55,296 to 57,343 are surrogates, which must reach V8 unchanged.
        var eventJson = ActionRequests.PostLoginEvent(e => e["connection"]!["metadata"] = new JsonObject { ["notes"] = new string('x', 56_000) });
        Assert.InRange(eventJson.IndexOf("\"user\":", StringComparison.Ordinal), 56_000, 65_000);
        var code = "exports.onExecutePostLogin = async (event, api) => { console.log(event.user.email, event.connection.metadata.notes.length); };";

        var result = await fixture.Sandbox.ExecuteAsync(ActionRequests.PostLogin(code, eventJson, tenant: "lazy"), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(["j+smith@example.com 56000"], result.Logs);
    }

    [Fact]
    public async Task A_lazily_parsed_event_reads_enumerates_serializes_and_refuses_writes_like_a_frozen_object()
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

        var result = await fixture.Sandbox.ExecuteAsync(ActionRequests.PostLogin(code, eventJson, tenant: "lazy"), CancellationToken.None);

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
