using System.Text.Json;
using Flowgate.Shared.Flows;

namespace Flowgate.Runtime.Login;

/// <summary>
/// Reads what <c>challengeWith(factor, {additionalFactors})</c>, <c>challengeWithAny(factors)</c>,
/// <c>enrollWith(factor, {additionalFactors})</c> or <c>enrollWithAny(factors)</c> asked for.
/// </summary>
/// <param name="Any">The <c>...WithAny</c> form: the user picks from a list.</param>
internal sealed record FactorSelection(bool Enroll, IReadOnlyList<string> Types, bool Any = false)
{
    public static FactorSelection Read(FactorRequirement requirement)
    {
        var args = requirement.Arguments.ValueKind == JsonValueKind.Array ? requirement.Arguments.EnumerateArray().ToArray() : [];
        var factors = new List<JsonElement>();
        var any = requirement.Method.EndsWith("Any", StringComparison.Ordinal);
        if (any)
        {
            if (args.Length > 0 && args[0].ValueKind == JsonValueKind.Array)
                factors.AddRange(args[0].EnumerateArray());
        }
        else
        {
            if (args.Length > 0)
                factors.Add(args[0]);
            if (args.Length > 1 && args[1].ValueKind == JsonValueKind.Object
                && args[1].TryGetProperty("additionalFactors", out var more) && more.ValueKind == JsonValueKind.Array)
                factors.AddRange(more.EnumerateArray());
        }
        var types = factors
            .Where(f => f.ValueKind == JsonValueKind.Object && f.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(f => f.GetProperty("type").GetString()!).Distinct().ToList();
        return new FactorSelection(requirement.Method.StartsWith("authentication.enroll", StringComparison.Ordinal), types, any);
    }
}
