using System.Text.RegularExpressions;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace Flowgate.Runtime.Actions;

/// <summary>
/// Checks that an Action's code parses as a CommonJS module, with V8 itself, without running it:
/// a syntax error is shown at save and refuses the deploy, with its line and column.
/// </summary>
public sealed partial class ActionCodeValidator : IDisposable
{
    // The module wrapper shares the first line with the code, so reported line numbers are the editor's.
    private const string Prefix = "(function (exports, module, require) {";
    private readonly V8Runtime _runtime = new("flowgate-validator", new V8RuntimeConstraints { MaxOldSpaceSize = 64 });

    /// <summary>Returns null when the code parses; otherwise the SyntaxError with its position.</summary>
    public ActionSyntaxError? Validate(string code)
    {
        if (ActionLimits.CodeSizeProblem(code) is { } problem)
            return new ActionSyntaxError(problem, null, null);
        try
        {
            using var script = _runtime.Compile(new DocumentInfo("action.js"), Prefix + code + "\n})");
            return null;
        }
        catch (ScriptEngineException e)
        {
            var position = Position().Match(e.ErrorDetails ?? "");
            var message = e.Message.StartsWith("SyntaxError: ", StringComparison.Ordinal) ? e.Message["SyntaxError: ".Length..] : e.Message;
            return position.Success
                ? new ActionSyntaxError(message, Number(position.Groups["line"].Value), Number(position.Groups["column"].Value))
                : new ActionSyntaxError(message, null, null);
        }
    }

    public void Dispose() => _runtime.Dispose();

    private static int Number(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);

    // V8 names each compiled document uniquely after the first ("action [2].js"), so the suffix is optional.
    [GeneratedRegex(@"action(?: \[\d+\])?\.js:(?<line>\d+):(?<column>\d+)")]
    private static partial Regex Position();
}
