using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// Auth0's RBAC: permissions (scopes of an API) held by roles and directly by users, and what an end user's
/// access token for an API may carry when that API enforces them.
/// </summary>
public sealed class UserPermissions(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, ILogger<UserPermissions> logger)
{
    private const string OfflineAccess = "offline_access";
    // Scopes of the OpenID Connect layer, not of the API: RBAC never takes them away.
    private static readonly HashSet<string> OidcScopes = ["openid", "profile", "email", "address", "phone", OfflineAccess];

    /// <summary>Whether a scope belongs to OpenID Connect (<c>openid</c>, <c>profile</c>, ...) rather than to an API.</summary>
    public static bool IsOidcScope(string scope) => OidcScopes.Contains(scope);

    /// <summary>One page of a role's permissions.</summary>
    public async Task<ActionPage<HeldPermission>> OfRoleAsync(string roleId, int page, int perPage, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireHolderAsync(db, PermissionGrant.RoleHolder, roleId, cancellationToken);
        var grants = await db.PermissionGrants.AsNoTracking()
            .Where(p => p.TenantId == tenant.Id && p.HolderKind == PermissionGrant.RoleHolder && p.HolderId == roleId).ToListAsync(cancellationToken);
        return await PageAsync(db, grants.Select(g => (g, new PermissionSource("ROLE", roleId, ""))), page, perPage, cancellationToken);
    }

    /// <summary>One page of a user's permissions: those given directly and those of the user's roles, with their sources.</summary>
    public async Task<ActionPage<HeldPermission>> OfUserAsync(string userId, int page, int perPage, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireHolderAsync(db, PermissionGrant.UserHolder, userId, cancellationToken);
        var roles = await db.Roles.AsNoTracking().Where(r => r.TenantId == tenant.Id && db.UserRoles.Any(ur => ur.UserId == userId && ur.RoleId == r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Name ?? "", cancellationToken);
        var grants = await HeldByAsync(db, userId, roles.Keys, cancellationToken);
        var sourced = grants.Select(g => (g, g.HolderKind == PermissionGrant.UserHolder
            ? new PermissionSource("DIRECT", userId, "") : new PermissionSource("ROLE", g.HolderId, roles[g.HolderId])));
        return await PageAsync(db, sourced, page, perPage, cancellationToken);
    }

    /// <summary>Gives a role or a user these permissions; each must be a scope its API defines.</summary>
    public async Task AddAsync(string holderKind, string holderId, IReadOnlyCollection<PermissionRef> permissions, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireHolderAsync(db, holderKind, holderId, cancellationToken);
        var apis = await ApisAsync(db, permissions.Select(p => p.ResourceServerIdentifier), cancellationToken);
        foreach (var permission in permissions)
        {
            if (!apis.TryGetValue(permission.ResourceServerIdentifier, out var api))
                throw new OperationRejectedException(RejectionKind.NotFound, $"Resource server {permission.ResourceServerIdentifier} does not exist");
            if (!ResourceServerScope.Parse(api.ScopesJson).Any(s => s.Value == permission.PermissionName))
                throw new OperationRejectedException(RejectionKind.Invalid, $"Payload validation error: permission '{permission.PermissionName}' is not defined by {permission.ResourceServerIdentifier}.");
        }
        var existing = (await Grants(db, holderKind, holderId).ToListAsync(cancellationToken))
            .Select(g => new PermissionRef(g.ResourceServerIdentifier, g.PermissionName)).ToHashSet();
        foreach (var permission in permissions.Distinct().Where(p => !existing.Contains(p)))
            db.PermissionGrants.Add(new PermissionGrant
            {
                TenantId = tenant.Id, HolderKind = holderKind, HolderId = holderId,
                ResourceServerIdentifier = permission.ResourceServerIdentifier, PermissionName = permission.PermissionName,
            });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Permissions added to {HolderKind} {HolderId}", holderKind, holderId);
    }

    /// <summary>Takes these permissions from a role or a user; those it does not hold are ignored.</summary>
    public async Task RemoveAsync(string holderKind, string holderId, IReadOnlyCollection<PermissionRef> permissions, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireHolderAsync(db, holderKind, holderId, cancellationToken);
        var wanted = permissions.ToHashSet();
        var held = await Grants(db, holderKind, holderId).ToListAsync(cancellationToken);
        db.PermissionGrants.RemoveRange(held.Where(g => wanted.Contains(new PermissionRef(g.ResourceServerIdentifier, g.PermissionName))));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Permissions removed from {HolderKind} {HolderId}", holderKind, holderId);
    }

    /// <summary>Forgets every permission a deleted role or user held.</summary>
    internal static async Task ForgetHolderAsync(IDbContextFactory<FlowgateDbContext> contexts, string tenantId, string holderKind, string holderId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.PermissionGrants.Where(p => p.TenantId == tenantId && p.HolderKind == holderKind && p.HolderId == holderId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// What an end user's access token for <paramref name="audience"/> carries, as on Auth0: of the requested scopes,
    /// the OpenID Connect ones and those the API defines (<c>offline_access</c> only when the API allows refresh
    /// tokens); with the API's RBAC on, its scopes are further limited to the user's permissions. Null when no such
    /// API exists (the Management API is never an end user's).
    /// </summary>
    public async Task<ApiAccess?> ForTokenAsync(string userId, string audience, IEnumerable<string> requested, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var api = await db.ResourceServers.AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenant.Id && r.Identifier == audience && !r.IsSystem, cancellationToken);
        if (api is null)
            return null;
        var defined = ResourceServerScope.Parse(api.ScopesJson).Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
        // A scope the API does not define grants nothing, so the token does not claim it (Auth0 drops it silently).
        var scopes = requested.Distinct(StringComparer.Ordinal)
            .Where(s => s == OfflineAccess ? api.AllowOfflineAccess : OidcScopes.Contains(s) || defined.Contains(s)).ToList();
        var lifetime = TimeSpan.FromSeconds(api.TokenLifetimeSeconds);
        if (!api.EnforcePolicies)
            return new ApiAccess(scopes, null, lifetime);
        var roleIds = await db.UserRoles.Where(ur => ur.UserId == userId).Select(ur => ur.RoleId).ToListAsync(cancellationToken);
        var held = (await HeldByAsync(db, userId, roleIds, cancellationToken))
            .Where(g => g.ResourceServerIdentifier == audience).Select(g => g.PermissionName).ToHashSet();
        var granted = scopes.Where(s => OidcScopes.Contains(s) || held.Contains(s)).ToList();
        return new ApiAccess(granted, api.TokenDialect == TokenDialects.AccessTokenAuthz ? [.. held.Order(StringComparer.Ordinal)] : null, lifetime);
    }

    private async Task<List<PermissionGrant>> HeldByAsync(FlowgateDbContext db, string userId, IEnumerable<string> roleIds, CancellationToken cancellationToken)
    {
        var roles = roleIds.ToList();
        return await db.PermissionGrants.AsNoTracking().Where(p => p.TenantId == tenant.Id
            && (p.HolderKind == PermissionGrant.UserHolder && p.HolderId == userId
                || p.HolderKind == PermissionGrant.RoleHolder && roles.Contains(p.HolderId))).ToListAsync(cancellationToken);
    }

    private async Task<ActionPage<HeldPermission>> PageAsync(FlowgateDbContext db, IEnumerable<(PermissionGrant Grant, PermissionSource Source)> grants, int page, int perPage, CancellationToken cancellationToken)
    {
        var grouped = grants.GroupBy(g => new PermissionRef(g.Grant.ResourceServerIdentifier, g.Grant.PermissionName))
            .OrderBy(g => g.Key.ResourceServerIdentifier, StringComparer.Ordinal).ThenBy(g => g.Key.PermissionName, StringComparer.Ordinal).ToList();
        var apis = await ApisAsync(db, grouped.Select(g => g.Key.ResourceServerIdentifier), cancellationToken);
        (page, perPage) = ActionLimits.Paging(page, perPage);
        var items = grouped.Skip(page * perPage).Take(perPage).Select(g =>
        {
            var api = apis.GetValueOrDefault(g.Key.ResourceServerIdentifier);
            var description = api is null ? "" : ResourceServerScope.Parse(api.ScopesJson).FirstOrDefault(s => s.Value == g.Key.PermissionName)?.Description ?? "";
            return new HeldPermission(g.Key.ResourceServerIdentifier, g.Key.PermissionName, api?.Name ?? "", description, [.. g.Select(s => s.Source)]);
        }).ToList();
        return new ActionPage<HeldPermission>(items, grouped.Count, page, perPage);
    }

    private async Task<Dictionary<string, ResourceServer>> ApisAsync(FlowgateDbContext db, IEnumerable<string> identifiers, CancellationToken cancellationToken)
    {
        var wanted = identifiers.Distinct().ToList();
        return await db.ResourceServers.AsNoTracking().Where(r => r.TenantId == tenant.Id && !r.IsSystem && wanted.Contains(r.Identifier))
            .ToDictionaryAsync(r => r.Identifier, cancellationToken);
    }

    private IQueryable<PermissionGrant> Grants(FlowgateDbContext db, string holderKind, string holderId) =>
        db.PermissionGrants.Where(p => p.TenantId == tenant.Id && p.HolderKind == holderKind && p.HolderId == holderId);

    private async Task RequireHolderAsync(FlowgateDbContext db, string holderKind, string holderId, CancellationToken cancellationToken)
    {
        if (holderKind == PermissionGrant.RoleHolder && !await db.Roles.AnyAsync(r => r.Id == holderId && r.TenantId == tenant.Id, cancellationToken))
            throw RoleService.NotFound();
        if (holderKind == PermissionGrant.UserHolder && !await db.Users.AnyAsync(u => u.Id == holderId && u.TenantId == tenant.Id, cancellationToken))
            throw UserService.NotFound();
    }
}
