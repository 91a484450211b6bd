using System.Text.Json;
using Flowgate.Runtime.Monitoring;
using Flowgate.Shared.Execution;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Flows;

/// <summary>
/// A flow test's result as an administrator may see it: each Action's logs, commands and error with its own secrets'
/// values replaced (as <see cref="Actions.DraftRunner"/> does for one Action), and the merged outcome (token claims,
/// metadata, redirect, deny reason) with every bound Action's secrets replaced, since any of them may have set it.
/// </summary>
internal static class TestRedaction
{
    public static FlowExecutionResult Redact(FlowExecutionResult result, IReadOnlyList<BoundAction> actions)
    {
        var all = actions.SelectMany(a => a.Secrets).Select(s => (s.Value, $"[secret {s.Key}]")).Distinct().ToList();
        if (all.Count == 0)
            return result;
        var secretsOf = actions.GroupBy(a => a.ActionId).ToDictionary(g => g.Key, g => g.First().Secrets);
        var outcomeJson = SecretRedaction.Redact(JsonSerializer.Serialize(result.Outcome), all)!;
        return result with
        {
            Actions = [.. result.Actions.Select(a => a with { Result = SecretRedaction.Redact(a.Result, secretsOf[a.ActionId]) })],
            Outcome = JsonSerializer.Deserialize<FlowOutcome>(outcomeJson)!,
            Error = result.Error is { } error ? error with { Message = SecretRedaction.Redact(error.Message, all)!, Stack = SecretRedaction.Redact(error.Stack, all) } : null,
        };
    }
}
