using System.Collections.Concurrent;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// V8 code cache per version (and per npm package file, by content hash), shared by every isolate
/// of the process: a script is parsed once, and a rebuilt or new isolate compiles it from the cached bytes.
/// </summary>
internal sealed class CodeCache
{
    private readonly ConcurrentDictionary<string, byte[]> _bytes = new();

    public V8Script Compile(V8Runtime runtime, string key, string source, string documentName = "action.js")
    {
        // A path becomes a Uri: stack traces then show /node_modules/pkg/lib/x.js, not only x.js.
        var document = documentName.StartsWith('/') && Uri.TryCreate("file://" + documentName, UriKind.Absolute, out var path)
            ? new DocumentInfo(path)
            : new DocumentInfo(documentName);
        if (_bytes.TryGetValue(key, out var cached))
        {
            return runtime.Compile(document, source, V8CacheKind.Code, cached, out _);
        }
        var script = runtime.Compile(document, source, V8CacheKind.Code, out var produced);
        if (produced is { Length: > 0 })
        {
            _bytes[key] = produced;
        }
        return script;
    }
}
