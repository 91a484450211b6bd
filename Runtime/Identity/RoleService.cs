using System.Security.Cryptography;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// The tenant's roles (what <c>event.authorization.roles</c> lists): create, rename, describe, delete.
/// <see cref="RoleManager{TRole}"/> keeps the normalized names that Identity's role checks use; each
/// operation gets its own scope, as in <see cref="UserService"/>.
/// </summary>
public sealed class RoleService(
    IServiceScopeFactory scopes,
    IDbContextFactory<FlowgateDbContext> contexts,
    CurrentTenant tenant,
    ILogger<RoleService> logger)
{
    public const int MaxNameLength = 256;

    /// <summary>One page of roles by name; <paramref name="nameFilter"/> matches part of the name, case-insensitively.</summary>
    public async Task<ActionPage<TenantRole>> ListAsync(string? nameFilter, int page, int perPage, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Roles.AsNoTracking().Where(r => r.TenantId == tenant.Id);
        if (!string.IsNullOrWhiteSpace(nameFilter))
            query = query.Where(r => r.NormalizedName!.Contains(nameFilter.Trim().ToUpperInvariant()));
        (page, perPage) = ActionLimits.Paging(page, perPage);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(r => r.Name).Skip(page * perPage).Take(perPage).ToListAsync(cancellationToken);
        return new ActionPage<TenantRole>(items, total, page, perPage);
    }

    public async Task<TenantRole> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Roles.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.TenantId == tenant.Id, cancellationToken)
            ?? throw NotFound();
    }

    public async Task<TenantRole> CreateAsync(string name, string? description, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Auth0's role id shape: rol_ and 16 characters.
        var role = new TenantRole { Id = "rol_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), TenantId = tenant.Id, Name = ValidName(name), Description = description };
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<TenantRole>>();
        IdentityRejections.ThrowIfFailed(await roles.CreateAsync(role));
        logger.LogInformation("Role {RoleId} created", role.Id);
        return role;
    }

    /// <summary>Renames or re-describes a role; null leaves a field as it is.</summary>
    public async Task<TenantRole> UpdateAsync(string id, string? name, string? description, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<TenantRole>>();
        var role = await FindAsync(roles, id);
        if (name is not null)
            role.Name = ValidName(name);
        role.Description = description ?? role.Description;
        IdentityRejections.ThrowIfFailed(await roles.UpdateAsync(role));
        return role;
    }

    /// <summary>Deletes the role; its users lose it.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<TenantRole>>();
        IdentityRejections.ThrowIfFailed(await roles.DeleteAsync(await FindAsync(roles, id)));
        await UserPermissions.ForgetHolderAsync(contexts, tenant.Id, PermissionGrant.RoleHolder, id, cancellationToken);
        logger.LogInformation("Role {RoleId} deleted", id);
    }

    private async Task<TenantRole> FindAsync(RoleManager<TenantRole> roles, string id) =>
        await roles.FindByIdAsync(id) is { } role && role.TenantId == tenant.Id ? role : throw NotFound();

    private static string ValidName(string name)
    {
        name = name.Trim();
        return name.Length is > 0 and <= MaxNameLength ? name
            : throw new OperationRejectedException(RejectionKind.Invalid, $"Payload validation error: a role needs a name of 1 to {MaxNameLength} characters.");
    }

    internal static OperationRejectedException NotFound() => new(RejectionKind.NotFound, "The role does not exist.");
}
