namespace Flowgate.Runtime.Triggers;

/// <summary>One parameter of an api method.</summary>
/// <param name="Name">The JavaScript name.</param>
/// <param name="Type">Its TypeScript type.</param>
/// <param name="Doc">Documentation shown in the editor.</param>
/// <param name="Optional">True when it may be omitted.</param>
public sealed record ApiParameter(string Name, string Type, string Doc, bool Optional = false);
