using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Triggers;

namespace Flowgate.Tests.Runtime.Flows;

/// <summary>Every api method an Action can call to change something has an effect, or says why it has none.</summary>
public sealed class CommandEffectsCatalogTests
{
    [Fact]
    public void Every_recording_api_method_of_the_catalog_has_an_effect_or_is_declared_recorded_only_with_a_reason()
    {
        var recording = TriggerCatalog.All.SelectMany(t => t.Api).Where(m => m.Records).Select(m => m.Path).Distinct().Order().ToList();
        var unaccounted = recording.Where(path => !CommandEffects.Applied.Contains(path) && !CommandEffects.RecordedOnly.ContainsKey(path)).ToList();

        Assert.Empty(unaccounted);
        Assert.All(CommandEffects.RecordedOnly, only => Assert.False(string.IsNullOrWhiteSpace(only.Value), only.Key));
        Assert.Empty(CommandEffects.Applied.Intersect(CommandEffects.RecordedOnly.Keys));
        // Renamed in the catalog, a method's effect would no longer be found: every key must be a method the catalog records.
        Assert.Empty(CommandEffects.Applied.Concat(CommandEffects.RecordedOnly.Keys).Except(recording));
    }
}
