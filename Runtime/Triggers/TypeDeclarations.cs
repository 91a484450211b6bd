using System.Text;

namespace Flowgate.Runtime.Triggers;

/// <summary>
/// Generates the TypeScript declarations the editor loads for a trigger (Monaco <c>addExtraLib</c>):
/// global <c>Event</c> and <c>&lt;Trigger&gt;API</c> types with JSDoc on every member, so the
/// template's <c>@param {Event} event</c> and <c>@param {PostLoginAPI} api</c> light up.
/// </summary>
public static class TypeDeclarations
{
    /// <summary>The <c>.d.ts</c> text for one trigger; <paramref name="secretNames"/> become typed members of <c>event.secrets</c>.</summary>
    public static string Generate(TriggerDefinition trigger, IEnumerable<string>? secretNames = null)
    {
        var ts = new StringBuilder();
        ts.Append("// Flowgate Actions: ").Append(trigger.Id).Append(' ').Append(trigger.Version).Append(". Generated from the trigger catalog.\n\n");
        ts.Append(CommonDeclarations.Text).Append('\n');
        ts.Append("/** The Action's secrets, by name. */\ndeclare interface Secrets {\n");
        foreach (var name in secretNames ?? [])
        {
            ts.Append("  /** Secret `").Append(name).Append("`. */\n  readonly ").Append(Quote(name)).Append(": string;\n");
        }
        ts.Append("  readonly [name: string]: string | undefined;\n}\n\n");

        ts.Append("/** The `event` of the ").Append(trigger.DisplayName).Append(" trigger (read-only). */\ndeclare interface Event {\n");
        foreach (var field in trigger.EventFields)
        {
            Doc(ts, "  ", field.Doc);
            ts.Append("  readonly ").Append(field.Name).Append(field.Optional ? "?: " : ": ").Append(field.Type).Append(";\n");
        }
        ts.Append("}\n\n");

        ts.Append("/** The `api` of the ").Append(trigger.DisplayName).Append(" trigger: methods that change the transaction. */\n");
        ts.Append("declare interface ").Append(trigger.ApiTypeName).Append(" {\n");
        foreach (var area in trigger.Api.GroupBy(m => m.Path.Contains('.') ? m.Path[..m.Path.LastIndexOf('.')] : ""))
        {
            var indent = area.Key.Length == 0 ? "  " : "    ";
            if (area.Key.Length > 0)
            {
                Doc(ts, "  ", $"Methods under `api.{area.Key}`.");
                ts.Append("  readonly ").Append(area.Key).Append(": {\n");
            }
            foreach (var method in area)
            {
                Method(ts, indent, method, trigger.ApiTypeName);
            }
            if (area.Key.Length > 0)
            {
                ts.Append("  };\n");
            }
        }
        ts.Append("}\n\n");
        foreach (var handler in trigger.Handlers)
        {
            ts.Append("/** The `").Append(handler).Append("` handler an Action exports. */\n");
            ts.Append("declare type ").Append(char.ToUpperInvariant(handler[0])).Append(handler[1..]).Append("Handler = (event: Event, api: ")
              .Append(trigger.ApiTypeName).Append(") => Promise<void> | void;\n");
        }
        return ts.ToString();
    }

    private static void Method(StringBuilder ts, string indent, ApiMethod method, string apiType)
    {
        var doc = new StringBuilder(method.Doc);
        foreach (var p in method.Parameters)
        {
            doc.Append("\n@param ").Append(p.Name).Append(' ').Append(p.Doc);
        }
        if (method.Returns == ApiMethod.ApiTypeReturn)
        {
            doc.Append("\n@returns The api object, for chaining.");
        }
        Doc(ts, indent, doc.ToString());
        var name = method.Path[(method.Path.LastIndexOf('.') + 1)..];
        var parameters = string.Join(", ", method.Parameters.Select(p => $"{p.Name}{(p.Optional ? "?" : "")}: {p.Type}"));
        var returns = method.Returns == ApiMethod.ApiTypeReturn ? apiType : method.Returns;
        ts.Append(indent).Append(name).Append('(').Append(parameters).Append("): ").Append(returns).Append(";\n");
    }

    private static void Doc(StringBuilder ts, string indent, string text)
    {
        var lines = text.Replace("*/", "*\\/").Split('\n');
        ts.Append(indent).Append("/**\n");
        foreach (var line in lines)
        {
            ts.Append(indent).Append(" * ").Append(line).Append('\n');
        }
        ts.Append(indent).Append(" */\n");
    }

    private static string Quote(string name) => System.Text.Json.JsonSerializer.Serialize(name);
}
