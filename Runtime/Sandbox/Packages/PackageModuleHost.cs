using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// Serves package files to the module loader of one context (modules.js), which holds it in a closure
/// an Action cannot reach. It is called once per file and context, the first time the file is
/// required, never per execution. Public only because ClearScript exposes members of public types;
/// every member is opted in. Only the tree's own loadable files can be read.
/// </summary>
[DefaultScriptUsage(ScriptAccess.None)]
public sealed class PackageModuleHost
{
    private readonly V8ScriptEngine _engine;
    private readonly PackageTree _tree;
    private readonly PackageScripts _scripts;

    internal PackageModuleHost(V8ScriptEngine engine, PackageTree tree, PackageScripts scripts)
    {
        _engine = engine;
        _tree = tree;
        _scripts = scripts;
    }

    /// <summary>
    /// A JavaScript file as a module function <c>(exports, require, module, __filename, __dirname)</c>;
    /// a string with the compile error when it does not parse; null when the package has no such file.
    /// </summary>
    [ScriptUsage(ScriptAccess.Full)]
    public object? Script(string key, string path, string filename)
    {
        if (Text(key, path) is not { } source) return null;
        try
        {
            return _engine.Evaluate(_scripts.Get(filename, source));
        }
        catch (ScriptEngineException e)
        {
            return $"{filename}: {(e.Message.StartsWith("SyntaxError: ", StringComparison.Ordinal) ? e.Message["SyntaxError: ".Length..] : e.Message)}";
        }
    }

    /// <summary>A file's text (JSON files); null when the package has no such file.</summary>
    [ScriptUsage(ScriptAccess.Full)]
    public string? Text(string key, string path) =>
        _tree.FilePath(key, path) is { } file && File.Exists(file) ? File.ReadAllText(file) : null;
}
