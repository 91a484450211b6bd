using Flowgate.Runtime.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Runtime.Identity;

/// <summary>A role of a tenant's end users (what <c>event.authorization.roles</c> lists).</summary>
public sealed class TenantRole : IdentityRole, ITenantScoped
{
    public string TenantId { get; set; } = Tenant.DefaultId;
    public string? Description { get; set; }
}
