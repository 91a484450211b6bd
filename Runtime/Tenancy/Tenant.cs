namespace Flowgate.Runtime.Tenancy;

/// <summary>A tenant: the boundary every other row is scoped to.</summary>
public sealed class Tenant
{
    /// <summary>The default tenant's id, created on first start.</summary>
    public const string DefaultId = "default";

    public required string Id { get; init; }
    public required string Name { get; set; }
    /// <summary>Tenant-wide settings as JSON (MFA factors, log retention, ...), read through typed accessors.</summary>
    public string SettingsJson { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
