using System.Text;
using System.Text.Json;

namespace Flowgate.Runtime.Triggers;

/// <summary>
/// Generates the JavaScript that builds a trigger's <c>api</c> object inside the sandbox. Each call
/// runs its guard, appends <c>{method, args}</c> to the execution's command list, and returns
/// <c>api</c> for chaining where Auth0 does; nothing crosses into the host.
/// </summary>
public static class ApiScript
{
    /// <summary>
    /// A JavaScript object literal mapping every trigger id to a factory <c>function (ctx) { return api; }</c>.
    /// <c>ctx</c> supplies <c>record(method, args)</c> and the helpers guards use.
    /// </summary>
    public static string FactoriesLiteral(IEnumerable<TriggerDefinition> triggers)
    {
        var js = new StringBuilder("{\n");
        foreach (var trigger in triggers)
        {
            js.Append(JsonSerializer.Serialize(trigger.Id)).Append(": ").Append(Factory(trigger)).Append(",\n");
        }
        return js.Append('}').ToString();
    }

    /// <summary>The factory function for one trigger.</summary>
    public static string Factory(TriggerDefinition trigger)
    {
        var js = new StringBuilder("function (ctx) {\n  const api = {};\n");
        var topLevel = new List<ApiMethod>();
        foreach (var area in trigger.Api.GroupBy(m => AreaOf(m.Path)))
        {
            if (area.Key.Length == 0)
            {
                topLevel.AddRange(area);
                continue;
            }
            js.Append("  api.").Append(area.Key).Append(" = Object.freeze({\n");
            foreach (var method in area)
            {
                js.Append("    ").Append(Member(method)).Append(",\n");
            }
            js.Append("  });\n");
        }
        foreach (var method in topLevel)
        {
            js.Append("  api.").Append(method.Path).Append(" = ").Append(Function(method)).Append(";\n");
        }
        return js.Append("  return Object.freeze(api);\n}").ToString();
    }

    private static string AreaOf(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? "" : path[..dot];
    }

    private static string Member(ApiMethod method) => $"{method.Path[(method.Path.LastIndexOf('.') + 1)..]}: {Function(method)}";

    private static string Function(ApiMethod method)
    {
        var body = new StringBuilder("function (...args) { ");
        if (method.Parameters.Count > 0)
        {
            body.Append("const [").Append(string.Join(", ", method.Parameters.Select(p => p.Name))).Append("] = args; ");
        }
        if (method.Guard is not null)
        {
            body.Append(method.Guard).Append(' ');
        }
        if (method.Records)
        {
            body.Append("ctx.record(").Append(JsonSerializer.Serialize(method.Path)).Append(", args); ");
        }
        var result = method.Result ?? (method.Returns == ApiMethod.ApiTypeReturn ? "api" : null);
        if (result is not null)
        {
            body.Append("return ").Append(result).Append("; ");
        }
        return body.Append('}').ToString();
    }
}
