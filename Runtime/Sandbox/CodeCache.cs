using System.Collections.Concurrent;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// V8 code cache per version, shared by every isolate of the process: a version is parsed once,
/// and a rebuilt or new isolate compiles it from the cached bytes.
/// </summary>
internal sealed class CodeCache
{
    private readonly ConcurrentDictionary<string, byte[]> _bytes = new();

    public V8Script Compile(V8Runtime runtime, string versionId, string source)
    {
        var document = new DocumentInfo("action.js");
        if (_bytes.TryGetValue(versionId, out var cached))
        {
            return runtime.Compile(document, source, V8CacheKind.Code, cached, out _);
        }
        var script = runtime.Compile(document, source, V8CacheKind.Code, out var produced);
        if (produced is { Length: > 0 })
        {
            _bytes[versionId] = produced;
        }
        return script;
    }
}
