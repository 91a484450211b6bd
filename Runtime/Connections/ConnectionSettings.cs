using System.Text.Json.Nodes;

namespace Flowgate.Runtime.Connections;

/// <summary>What a create or an update of a connection says; null leaves a value as it is.</summary>
public sealed record ConnectionSettings
{
    public string? Name { get; init; }
    public string? Strategy { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>Auth0's <c>options</c>, replacing the stored ones as on Auth0 (a masked client secret keeps the stored secret).</summary>
    public JsonObject? Options { get; init; }
    public IReadOnlyList<string>? EnabledClients { get; init; }
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    public bool? ShowAsButton { get; init; }
    public bool? IsDomainConnection { get; init; }
}
