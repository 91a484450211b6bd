using System.Collections.Concurrent;

namespace Flowgate.Runtime.Triggers;

/// <summary>Loads the sample events kept as embedded JSON files next to the catalog (<c>Samples/&lt;trigger&gt;.json</c>).</summary>
internal static class SampleEvents
{
    private static readonly ConcurrentDictionary<string, string> Loaded = new();

    public static string Load(string triggerId) => Loaded.GetOrAdd(triggerId, static id =>
    {
        var assembly = typeof(SampleEvents).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Flowgate.Runtime.Triggers.Samples.{id}.json")
            ?? throw new InvalidOperationException($"No sample event is embedded for trigger '{id}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
