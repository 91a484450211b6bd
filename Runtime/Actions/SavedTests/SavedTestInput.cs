namespace Flowgate.Runtime.Actions.SavedTests;

/// <summary>A saved test to add: <paramref name="ExpectedJson"/> as in <see cref="SavedTest.ExpectedJson"/>.</summary>
public sealed record SavedTestInput(string Name, string EventJson, string Kind, string? ExpectedJson = null)
{
    /// <summary>Expects exactly the recorded commands, given as (method, arguments JSON array) pairs.</summary>
    public static SavedTestInput ForCommands(string name, string eventJson, IEnumerable<(string Method, string ArgumentsJson)> commands) =>
        new(name, eventJson, SavedTestKinds.Commands, "[" + string.Join(",", commands.Select(c =>
            $"{{\"method\":{System.Text.Json.JsonSerializer.Serialize(c.Method)},\"args\":{c.ArgumentsJson}}}")) + "]");

    /// <summary>Expects <paramref name="claim"/> in the <c>id</c> or <c>access</c> token to equal <paramref name="valueJson"/>.</summary>
    public static SavedTestInput ForClaim(string name, string eventJson, string token, string claim, string valueJson) =>
        new(name, eventJson, SavedTestKinds.Claim, new System.Text.Json.Nodes.JsonObject
        {
            ["token"] = token,
            ["name"] = claim,
            ["value"] = System.Text.Json.Nodes.JsonNode.Parse(valueJson),
        }.ToJsonString());
}
