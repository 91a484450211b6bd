using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Connections;

/// <summary>
/// An identity provider users log in with (Auth0's connection): its strategy (<see cref="ConnectionStrategies"/>),
/// its options and the applications it is enabled for. The database connection is not stored: it is always there
/// (<see cref="ConnectionService.DatabaseConnection"/>).
/// </summary>
public sealed class Connection : ITenantScoped
{
    /// <summary><c>con_</c> + 16 characters, as Auth0's.</summary>
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    /// <summary>Unique per tenant; <c>/authorize?connection=</c> names it, and so do the users' identities.</summary>
    public required string Name { get; init; }
    public string? DisplayName { get; set; }
    public required string Strategy { get; init; }
    /// <summary>Auth0's <c>options</c> without the client secret.</summary>
    public string OptionsJson { get; set; } = "{}";
    /// <summary>The upstream client secret, encrypted with Data Protection; never returned in full, never logged.</summary>
    public string? ProtectedClientSecret { get; set; }
    /// <summary>The client ids of the applications whose login pages offer this connection, as a JSON array.</summary>
    public string EnabledClientsJson { get; set; } = "[]";
    /// <summary>Auth0's <c>metadata</c>: up to 10 string pairs, shown to Actions as <c>event.connection.metadata</c>.</summary>
    public string MetadataJson { get; set; } = "{}";
    public bool ShowAsButton { get; set; } = true;
    public bool IsDomainConnection { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    /// <summary>Changes on every write: instances compare it to rebuild their authentication schemes.</summary>
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
