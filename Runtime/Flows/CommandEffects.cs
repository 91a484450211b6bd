using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// Applies one Action's commands to the merged outcome and to the event later Actions receive
/// (metadata writes become visible in <c>event.user</c>; transaction metadata is shared).
/// </summary>
internal static class CommandEffects
{
    /// <summary>What the commands mean for the rest of the chain.</summary>
    public enum Next { Continue, Stop, Suspend }

    public static Next Apply(IReadOnlyList<ActionCommand> commands, FlowOutcome outcome, FlowEvent flowEvent)
    {
        var next = Next.Continue;
        foreach (var command in commands)
        {
            var args = command.Args.ValueKind == JsonValueKind.Array ? command.Args.EnumerateArray().ToArray() : [];
            string? Text(int i) => i < args.Length && args[i].ValueKind == JsonValueKind.String ? args[i].GetString() : null;
            switch (command.Method)
            {
                case "access.deny":
                    outcome.Denied = true;
                    (outcome.DenyReason, outcome.DenyDetail) = args.Length >= 2 && flowEvent.Read()["user"] is null
                        ? (Text(1), Text(0))
                        : (Text(0), Text(1));
                    next = Next.Stop;
                    break;
                case "session.revoke" or "refreshToken.revoke":
                    outcome.Denied = true;
                    outcome.DenyReason = Text(0);
                    next = Next.Stop;
                    break;
                case "validation.error":
                    outcome.ValidationError = new ValidationFailure(Text(0) ?? "", Text(1) ?? "");
                    next = Next.Stop;
                    break;
                case "idToken.setCustomClaim" when Text(0) is { } name:
                    outcome.IdTokenClaims[name] = Arg(args, 1);
                    break;
                case "accessToken.setCustomClaim" when Text(0) is { } name:
                    outcome.AccessTokenClaims[name] = Arg(args, 1);
                    break;
                case "transaction.setTargetScopes":
                    outcome.TargetScopes = args.Length > 0 && args[0].ValueKind == JsonValueKind.Array
                        ? [.. args[0].EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).Distinct()]
                        : [];
                    break;
                case "transaction.clearTargetScopes":
                    outcome.TargetScopes = [];
                    break;
                case "transaction.addTargetScope" when Text(0) is { } scope && outcome.TargetScopes is { } targets:
                    if (!targets.Contains(scope)) targets.Add(scope);
                    break;
                case "transaction.removeTargetScope" when Text(0) is { } scope && outcome.TargetScopes is { } targets:
                    targets.Remove(scope);
                    break;
                case "accessToken.addScope" or "transaction.addTargetScope" when Text(0) is { } scope:
                    outcome.ScopesRemoved.Remove(scope);
                    if (!outcome.ScopesAdded.Contains(scope)) outcome.ScopesAdded.Add(scope);
                    break;
                case "accessToken.removeScope" or "transaction.removeTargetScope" when Text(0) is { } scope:
                    outcome.ScopesAdded.Remove(scope);
                    if (!outcome.ScopesRemoved.Contains(scope)) outcome.ScopesRemoved.Add(scope);
                    break;
                case "multifactor.enable":
                    outcome.MultifactorProvider = Text(0);
                    outcome.AllowRememberBrowser = args.Length > 1 && args[1].ValueKind == JsonValueKind.Object
                        && args[1].TryGetProperty("allowRememberBrowser", out var remember) && remember.ValueKind == JsonValueKind.True;
                    break;
                case "authentication.challengeWith" or "authentication.challengeWithAny" or "authentication.enrollWith" or "authentication.enrollWithAny":
                    outcome.Factors = new FactorRequirement(command.Method, command.Args.Clone());
                    next = Max(next, Next.Suspend);
                    break;
                case "redirect.sendUserTo" when Text(0) is { } url:
                    outcome.RedirectUrl = WithQuery(url, args.Length > 1 ? args[1] : default);
                    next = Max(next, Next.Suspend);
                    break;
                case "transaction.setResultUrl" when Text(0) is { } url:
                    outcome.ResultUrl = WithQuery(url, args.Length > 1 ? args[1] : default);
                    break;
                case "prompt.render":
                    outcome.PromptId = Text(0);
                    next = Max(next, Next.Suspend);
                    break;
                case "user.setUserMetadata" when Text(0) is { } key:
                    WriteMetadata(outcome.UserMetadata, flowEvent.Change(), "user_metadata", key, args);
                    break;
                case "user.setAppMetadata" when Text(0) is { } key:
                    WriteMetadata(outcome.AppMetadata, flowEvent.Change(), "app_metadata", key, args);
                    break;
                case "transaction.setMetadata" when Text(0) is { } key:
                    WriteTransactionMetadata(outcome, flowEvent.Change(), key, Arg(args, 1));
                    break;
                case "authentication.setPrimaryUser":
                    outcome.PrimaryUserId = Text(0);
                    break;
                case "authentication.recordMethod" when Text(0) is { } method:
                    outcome.RecordedMethods.Add(method);
                    break;
                case "authentication.setConnectionByName" or "setConnection":
                    outcome.Connection = Text(0);
                    break;
            }
        }
        return next;
    }

    private static Next Max(Next a, Next b) => a == Next.Stop ? a : b;

    private static JsonElement Arg(JsonElement[] args, int i) => i < args.Length ? args[i].Clone() : JsonSerializer.SerializeToElement<object?>(null);

    private static void WriteMetadata(Dictionary<string, JsonElement?> changes, JsonObject eventNode, string property, string key, JsonElement[] args)
    {
        var value = Arg(args, 1);
        var removes = value.ValueKind == JsonValueKind.Null;
        changes[key] = removes ? null : value;
        if (eventNode["user"] is not JsonObject user)
        {
            return;
        }
        if (user[property] is not JsonObject metadata)
        {
            user[property] = metadata = new JsonObject();
        }
        if (removes) metadata.Remove(key); else metadata[key] = JsonNode.Parse(value.GetRawText());
    }

    private static void WriteTransactionMetadata(FlowOutcome outcome, JsonObject eventNode, string key, JsonElement value)
    {
        var metadata = eventNode["transaction"] is JsonObject transaction
            ? transaction["metadata"] as JsonObject ?? (JsonObject)(transaction["metadata"] = new JsonObject())
            : null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            outcome.TransactionMetadata.Remove(key);
            metadata?.Remove(key);
            return;
        }
        outcome.TransactionMetadata[key] = value;
        metadata?[key] = JsonNode.Parse(value.GetRawText());
    }

    private static string WithQuery(string url, JsonElement options)
    {
        if (options.ValueKind != JsonValueKind.Object || !options.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.Object)
        {
            return url;
        }
        var pairs = query.EnumerateObject().Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()));
        return url + (url.Contains('?') ? "&" : "?") + string.Join("&", pairs);
    }
}
