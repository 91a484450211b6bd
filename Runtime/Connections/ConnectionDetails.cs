using System.Text.Json.Nodes;

namespace Flowgate.Runtime.Connections;

/// <summary>A connection as the Management API and the dashboard show it: the client secret is masked in <see cref="Options"/>.</summary>
public sealed record ConnectionDetails(
    string Id, string Name, string? DisplayName, string Strategy, JsonObject Options, IReadOnlyList<string> EnabledClients,
    IReadOnlyDictionary<string, string> Metadata, bool ShowAsButton, bool IsDomainConnection)
{
    /// <summary>Whether <paramref name="clientId"/>'s login page offers this connection.</summary>
    public bool IsEnabledFor(string? clientId) => clientId is not null && EnabledClients.Contains(clientId);
}
