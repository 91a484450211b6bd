namespace Flowgate.Runtime.Connections;

/// <summary>A stored connection as the login handlers need it: its secret in clear (kept in memory only) and its version stamp.</summary>
public sealed record ActiveConnection(ConnectionDetails Details, string? ClientSecret, DateTimeOffset Stamp)
{
    public override string ToString() => $"{Details.Name} ({Details.Strategy})";
}
