using System.Security.Cryptography;
using System.Text;
using Microsoft.ClearScript.V8;

namespace Flowgate.Runtime.Sandbox.Packages;

/// <summary>
/// Package files compiled in one tenant's isolate, by content hash: two versions (or two Actions)
/// using the same package file compile it once per isolate, and once per process thanks to the
/// shared <see cref="CodeCache"/>. Used under the tenant's gate, one call at a time.
/// </summary>
internal sealed class PackageScripts(V8Runtime runtime, CodeCache codeCache) : IDisposable
{
    private readonly Dictionary<string, V8Script> _scripts = new(StringComparer.Ordinal);

    /// <summary>The file wrapped as a CommonJS module function, compiled under its <c>/node_modules/...</c> name for stack traces.</summary>
    public V8Script Get(string documentName, string source)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
        if (!_scripts.TryGetValue(hash, out var script))
        {
            script = codeCache.Compile(runtime, "npm:" + hash, SandboxScripts.ModuleWrapper(WithoutHashbang(source)), documentName);
            _scripts[hash] = script;
        }
        return script;
    }

    // Node drops a leading "#!" line (CLI packages); inside the module wrapper it would not parse.
    private static string WithoutHashbang(string source) => source.StartsWith("#!", StringComparison.Ordinal) ? "//" + source : source;

    public void Dispose()
    {
        foreach (var script in _scripts.Values)
        {
            script.Dispose();
        }
        _scripts.Clear();
    }
}
