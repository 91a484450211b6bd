using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Admin;

/// <summary>
/// A dashboard administrator. Kept apart from end users on purpose: nothing an end user can do
/// on the hosted pages (sign up, be given a role) can make them an administrator.
/// </summary>
public sealed class AdminAccount : ITenantScoped
{
    public string Id { get; init; } = Guid.NewGuid().ToString("N");
    public string TenantId { get; init; } = Tenant.DefaultId;
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public int AccessFailedCount { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? LastLogin { get; set; }
}
