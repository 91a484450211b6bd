namespace Flowgate.Runtime.Applications;

/// <summary>What a login shows its flow and its logs of the application: its name (null when unknown) and <c>client_metadata</c>.</summary>
public sealed record LoginApplication(string? Name, IReadOnlyDictionary<string, string> Metadata);
