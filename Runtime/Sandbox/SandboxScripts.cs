using System.Text;
using Flowgate.Runtime.Triggers;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// Assembles the prelude every context evaluates once: Node-like globals and built-ins, the
/// catalog's api factories and the execution entry points, wrapped in one function that receives
/// the host bridge as an argument (so the bridge is never a global an Action could find).
/// </summary>
internal static class SandboxScripts
{
    private static readonly string[] Parts = ["encoding.js", "url.js", "util.js", "node-compat.js", "crypto.js", "fetch.js", "package-exports.js", "modules.js", "execution.js", "harden.js"];

    public static string Prelude(int maxLogCharacters)
    {
        var js = new StringBuilder("(function (host) {\n'use strict';\n");
        js.Append("const MAX_LOG_CHARS = ").Append(maxLogCharacters).Append(";\n");
        js.Append("const apiFactories = ").Append(ApiScript.FactoriesLiteral(TriggerCatalog.All)).Append(";\n");
        foreach (var part in Parts)
        {
            js.Append(Read(part)).Append('\n');
        }
        return js.Append("})").ToString();
    }

    /// <summary>Wraps CommonJS source the way Node does, keeping line numbers of the Action's stack traces.</summary>
    public static string ModuleWrapper(string code) =>
        "(function (exports, require, module, __filename, __dirname) {" + code + "\n})";

    private static string Read(string name)
    {
        using var stream = typeof(SandboxScripts).Assembly.GetManifestResourceStream("Flowgate.Runtime.Sandbox.Scripts." + name)
            ?? throw new InvalidOperationException($"Sandbox script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
