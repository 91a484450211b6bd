using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// A permission (a scope of an API) held by a role or directly by a user, as Auth0's RBAC grants them.
/// A user's permissions are the direct ones plus those of the user's roles.
/// </summary>
public sealed class PermissionGrant : ITenantScoped
{
    /// <summary>What holds the permission: <see cref="RoleHolder"/> or <see cref="UserHolder"/>.</summary>
    public const string RoleHolder = "role", UserHolder = "user";

    public required string TenantId { get; init; }
    public required string HolderKind { get; init; }
    /// <summary>The role's or the user's id.</summary>
    public required string HolderId { get; init; }
    /// <summary>The API's identifier (audience).</summary>
    public required string ResourceServerIdentifier { get; init; }
    /// <summary>The scope's value, e.g. <c>read:reports</c>.</summary>
    public required string PermissionName { get; init; }
}
