using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Applications;

/// <summary>Lets a machine-to-machine application obtain tokens for one API with the listed scopes.</summary>
public sealed class ClientGrant : ITenantScoped
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ClientId { get; init; }
    public required string Audience { get; init; }
    /// <summary>Granted scopes, space-separated.</summary>
    public string Scope { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
