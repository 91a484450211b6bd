namespace Flowgate.Runtime.Triggers;

/// <summary>One top-level field of a trigger's <c>event</c>.</summary>
/// <param name="Name">The property name, e.g. <c>user</c>.</param>
/// <param name="Type">Its TypeScript type; named types come from the shared declarations.</param>
/// <param name="Doc">Documentation shown in the editor.</param>
/// <param name="Optional">True when the field may be absent.</param>
public sealed record EventField(string Name, string Type, string Doc, bool Optional = false);
