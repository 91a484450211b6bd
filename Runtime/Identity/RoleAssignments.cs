using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Identity;

/// <summary>Which users hold which roles, read and changed from either side (a user's roles, a role's users).</summary>
public sealed class RoleAssignments(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, ILogger<RoleAssignments> logger)
{
    /// <summary>One page of the roles a user holds, by name.</summary>
    public async Task<ActionPage<TenantRole>> RolesOfUserAsync(string userId, int page, int perPage, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireUserAsync(db, userId, cancellationToken);
        var query = db.Roles.AsNoTracking().Where(r => r.TenantId == tenant.Id && db.UserRoles.Any(ur => ur.UserId == userId && ur.RoleId == r.Id));
        (page, perPage) = ActionLimits.Paging(page, perPage);
        return new ActionPage<TenantRole>(
            await query.OrderBy(r => r.Name).Skip(page * perPage).Take(perPage).ToListAsync(cancellationToken),
            await query.CountAsync(cancellationToken), page, perPage);
    }

    /// <summary>One page of the users holding a role, newest first.</summary>
    public async Task<ActionPage<TenantUser>> UsersOfRoleAsync(string roleId, int page, int perPage, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireRolesAsync(db, [roleId], cancellationToken);
        var query = db.Users.AsNoTracking().Where(u => u.TenantId == tenant.Id && db.UserRoles.Any(ur => ur.RoleId == roleId && ur.UserId == u.Id));
        (page, perPage) = ActionLimits.Paging(page, perPage);
        return new ActionPage<TenantUser>(
            await query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id).Skip(page * perPage).Take(perPage).ToListAsync(cancellationToken),
            await query.CountAsync(cancellationToken), page, perPage);
    }

    /// <summary>Gives a user these roles; roles the user already holds are left as they are.</summary>
    public async Task AssignRolesAsync(string userId, IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireUserAsync(db, userId, cancellationToken);
        await RequireRolesAsync(db, roleIds, cancellationToken);
        await AddAsync(db, roleIds.Select(roleId => (userId, roleId)), cancellationToken);
    }

    /// <summary>Gives these users a role; users who already hold it are left as they are.</summary>
    public async Task AssignUsersAsync(string roleId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireRolesAsync(db, [roleId], cancellationToken);
        var distinct = userIds.Distinct().ToList();
        var found = await db.Users.CountAsync(u => u.TenantId == tenant.Id && distinct.Contains(u.Id), cancellationToken);
        if (found != distinct.Count)
            throw UserService.NotFound();
        await AddAsync(db, distinct.Select(userId => (userId, roleId)), cancellationToken);
    }

    /// <summary>Takes these roles from a user; roles the user does not hold are ignored.</summary>
    public async Task RemoveRolesAsync(string userId, IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RequireUserAsync(db, userId, cancellationToken);
        await db.UserRoles.Where(ur => ur.UserId == userId && roleIds.Contains(ur.RoleId)).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Roles {RoleIds} removed from user {UserId}", roleIds, userId);
    }

    private async Task AddAsync(FlowgateDbContext db, IEnumerable<(string UserId, string RoleId)> pairs, CancellationToken cancellationToken)
    {
        var wanted = pairs.Distinct().ToList();
        var userIds = wanted.Select(p => p.UserId).Distinct().ToList();
        var roleIds = wanted.Select(p => p.RoleId).Distinct().ToList();
        var existing = (await db.UserRoles.Where(ur => userIds.Contains(ur.UserId) && roleIds.Contains(ur.RoleId))
            .Select(ur => new { ur.UserId, ur.RoleId }).ToListAsync(cancellationToken))
            .Select(ur => (ur.UserId, ur.RoleId)).ToHashSet();
        foreach (var (userId, roleId) in wanted.Where(p => !existing.Contains(p)))
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Count} role assignment(s) added", wanted.Count - existing.Count);
    }

    private async Task RequireUserAsync(FlowgateDbContext db, string userId, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.TenantId == tenant.Id, cancellationToken))
            throw UserService.NotFound();
    }

    private async Task RequireRolesAsync(FlowgateDbContext db, IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken)
    {
        var distinct = roleIds.Distinct().ToList();
        if (await db.Roles.CountAsync(r => r.TenantId == tenant.Id && distinct.Contains(r.Id), cancellationToken) != distinct.Count)
            throw RoleService.NotFound();
    }
}
