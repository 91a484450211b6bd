namespace Flowgate.Runtime.Flows;

/// <summary>A trigger's bindings in order, with a version token an editor sends back to detect concurrent changes.</summary>
public sealed record FlowSnapshot(string TriggerId, IReadOnlyList<TriggerBinding> Bindings, string Version);
