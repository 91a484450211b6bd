using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Shared.Execution;

namespace Flowgate.Runtime.Actions.SavedTests;

/// <summary>Compares what a draft did with what a saved test expects; the reason names expected and actual.</summary>
internal static class SavedTestCheck
{
    /// <summary>Null when the run meets the expectation; otherwise why not.</summary>
    public static string? Failure(SavedTest test, ActionExecutionResult run)
    {
        if (run.Error is { } error)
            return $"The draft failed ({JsonNamingPolicy.SnakeCaseLower.ConvertName(error.Class.ToString())}): {error.Name}: {error.Message}";
        return test.Kind switch
        {
            SavedTestKinds.Commands => CommandsFailure(test.ExpectedJson!, run.Commands),
            SavedTestKinds.NoDeny => run.Commands.FirstOrDefault(c => c.Method == "access.deny") is { } deny
                ? $"Expected no deny; the draft called access.deny({string.Join(", ", deny.Args.EnumerateArray().Select(a => a.GetRawText()))})."
                : null,
            SavedTestKinds.Claim => ClaimFailure(JsonNode.Parse(test.ExpectedJson!)!.AsObject(), run.Commands),
            _ => $"Unknown expectation '{test.Kind}'.",
        };
    }

    private static string? CommandsFailure(string expectedJson, IReadOnlyList<ActionCommand> commands)
    {
        var expected = JsonNode.Parse(expectedJson)!.AsArray();
        var actual = new JsonArray([.. commands.Select(c => (JsonNode)new JsonObject { ["method"] = c.Method, ["args"] = JsonNode.Parse(c.Args.GetRawText()) })]);
        if (JsonNode.DeepEquals(expected, actual))
            return null;
        return $"Expected the commands {Listed(expected)}; the draft issued {Listed(actual)}.";
    }

    private static string? ClaimFailure(JsonObject expected, IReadOnlyList<ActionCommand> commands)
    {
        var token = expected["token"]!.GetValue<string>();
        var name = expected["name"]!.GetValue<string>();
        var method = token == "access" ? "accessToken.setCustomClaim" : "idToken.setCustomClaim";
        // The last call for a claim wins, as in the issued token.
        var set = commands.LastOrDefault(c => c.Method == method && c.Args.GetArrayLength() > 0 && c.Args[0].ValueKind == JsonValueKind.String && c.Args[0].GetString() == name);
        var want = expected["value"]?.ToJsonString() ?? "null";
        if (set is null)
            return $"Expected the {token} token claim '{name}' = {want}; the draft did not set it.";
        var got = set.Args.GetArrayLength() > 1 ? JsonNode.Parse(set.Args[1].GetRawText()) : null;
        return JsonNode.DeepEquals(expected["value"], got) ? null : $"Expected the {token} token claim '{name}' = {want}; the draft set {got?.ToJsonString() ?? "null"}.";
    }

    private static string Listed(JsonArray commands) =>
        commands.Count == 0 ? "(none)" : string.Join(", ", commands.Select(c => $"{c!["method"]}({string.Join(", ", c["args"]!.AsArray().Select(a => a?.ToJsonString() ?? "null"))})"));
}
