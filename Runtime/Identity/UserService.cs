using System.Text.Json.Nodes;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// The tenant's end users, for the Management API and the admin pages: search, create with the password
/// policy, edit, block, delete. Each operation gets its own scope (and so its own <see cref="UserManager{TUser}"/>
/// and DbContext): a dashboard circuit lives long, and a long-lived context would serve stale users.
/// </summary>
public sealed class UserService(
    IServiceScopeFactory scopes,
    IDbContextFactory<FlowgateDbContext> contexts,
    CurrentTenant tenant,
    TimeProvider clock,
    ILogger<UserService> logger)
{
    /// <summary>One page of users matching <paramref name="q"/> (see <see cref="UserSearch"/>), newest first.</summary>
    public async Task<ActionPage<TenantUser>> ListAsync(string? q, int page, int perPage, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = UserSearch.Apply(db.Users.AsNoTracking().Where(u => u.TenantId == tenant.Id), q);
        (page, perPage) = ActionLimits.Paging(page, perPage);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id)
            .Skip(page * perPage).Take(perPage).ToListAsync(cancellationToken);
        return new ActionPage<TenantUser>(items, total, page, perPage);
    }

    /// <summary>The users with this email address, matched without regard to case (Auth0's <c>users-by-email</c>).</summary>
    public async Task<IReadOnlyList<TenantUser>> ListByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = email.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.TenantId == tenant.Id && u.NormalizedEmail == normalized)
            .OrderBy(u => u.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<TenantUser> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.TenantId == tenant.Id, cancellationToken)
            ?? throw NotFound();
    }

    /// <summary>Creates a database user; the password must satisfy the Identity password policy.</summary>
    public async Task<TenantUser> CreateAsync(NewUser request, CancellationToken cancellationToken)
    {
        if (request.Connection != UserIds.DatabaseConnection)
            throw new OperationRejectedException(RejectionKind.Invalid, $"The connection does not exist: {request.Connection}. Flowgate has one: {UserIds.DatabaseConnection}.");
        var email = request.Email.Trim();
        if (email.Length == 0)
            throw new OperationRejectedException(RejectionKind.Invalid, "Payload validation error: 'email' is required.");
        if (string.IsNullOrEmpty(request.Password))
            throw new OperationRejectedException(RejectionKind.Invalid, "Payload validation error: 'password' is required.");

        await using var scope = scopes.CreateAsyncScope();
        await ThrowIfUsernameRefusedAsync(scope, request.Username, cancellationToken);
        var now = clock.GetUtcNow();
        var user = new TenantUser
        {
            Id = UserIds.NewDatabaseUserId(),
            TenantId = tenant.Id,
            UserName = email,
            Email = email,
            EmailConfirmed = request.EmailVerified,
            Name = request.Name ?? email,
            Nickname = request.Nickname ?? email.Split('@')[0],
            GivenName = request.GivenName,
            FamilyName = request.FamilyName,
            Picture = request.Picture,
            Blocked = request.Blocked,
            UserMetadataJson = request.UserMetadata is null ? "{}" : UserMetadata.Serialize(request.UserMetadata, "user_metadata"),
            AppMetadataJson = request.AppMetadata is null ? "{}" : UserMetadata.Serialize(request.AppMetadata, "app_metadata"),
            CreatedAt = now,
            UpdatedAt = now,
        };
        user.SetUsername(request.Username);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
        IdentityRejections.ThrowIfFailed(await users.CreateAsync(user, request.Password));
        logger.LogInformation("User {UserId} created by an administrator", user.Id);
        return user;
    }

    /// <summary>Applies a change; metadata is merged the Auth0 way.</summary>
    public Task<TenantUser> UpdateAsync(string id, UserUpdate update, CancellationToken cancellationToken) =>
        ChangeAsync(id, async (scope, users, user) =>
        {
            if (update.Email is { } email)
            {
                email = email.Trim();
                if (!string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
                    user.EmailConfirmed = false;
                user.Email = email;
                // The email is the user name of a database user: both stay unique together.
                user.UserName = email;
            }
            if (update.Username is { } username)
            {
                await ThrowIfUsernameRefusedAsync(scope, username, cancellationToken);
                user.SetUsername(username);
            }
            if (update.EmailVerified is { } verified)
                user.EmailConfirmed = verified;
            if (update.Password is { } password)
                await SetPasswordAsync(users, user, password);
            user.Name = update.Name ?? user.Name;
            user.Nickname = update.Nickname ?? user.Nickname;
            user.GivenName = update.GivenName ?? user.GivenName;
            user.FamilyName = update.FamilyName ?? user.FamilyName;
            user.Picture = update.Picture ?? user.Picture;
            if (update.Blocked is { } blocked)
                Block(user, blocked);
            if (update.UserMetadata is { } userMetadata)
                user.UserMetadataJson = UserMetadata.Merge(user.UserMetadataJson, userMetadata, "user_metadata");
            if (update.AppMetadata is { } appMetadata)
                user.AppMetadataJson = UserMetadata.Merge(user.AppMetadataJson, appMetadata, "app_metadata");
        }, cancellationToken);

    /// <summary>Replaces metadata objects whole (the dashboard's JSON editors); null leaves one as it is.</summary>
    public Task<TenantUser> ReplaceMetadataAsync(string id, JsonObject? userMetadata, JsonObject? appMetadata, CancellationToken cancellationToken) =>
        ChangeAsync(id, (_, _, user) =>
        {
            if (userMetadata is not null)
                user.UserMetadataJson = UserMetadata.Serialize(userMetadata, "user_metadata");
            if (appMetadata is not null)
                user.AppMetadataJson = UserMetadata.Serialize(appMetadata, "app_metadata");
            return Task.CompletedTask;
        }, cancellationToken);

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
        var user = await FindAsync(users, id);
        IdentityRejections.ThrowIfFailed(await users.DeleteAsync(user));
        await scope.ServiceProvider.GetRequiredService<LinkedDatabaseAccounts>().DeleteLinkedToAsync(id, cancellationToken);
        await UserPermissions.ForgetHolderAsync(contexts, tenant.Id, PermissionGrant.UserHolder, id, cancellationToken);
        logger.LogInformation("User {UserId} deleted by an administrator", id);
    }

    private async Task<TenantUser> ChangeAsync(string id, Func<AsyncServiceScope, UserManager<TenantUser>, TenantUser, Task> change, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenantUser>>();
        var user = await FindAsync(users, id);
        var stamp = user.SecurityStamp;
        await change(scope, users, user);
        user.UpdatedAt = clock.GetUtcNow();
        IdentityRejections.ThrowIfFailed(await users.UpdateAsync(user));
        // A new stamp (password set, blocked) ends the browser sessions; the tokens are revoked with it.
        if (user.SecurityStamp != stamp)
            await scope.ServiceProvider.GetRequiredService<Login.UserSessionRevocation>().RevokeAsync(user.Id, "password changed or blocked", cancellationToken);
        return user;
    }

    private static async Task ThrowIfUsernameRefusedAsync(AsyncServiceScope scope, string? username, CancellationToken cancellationToken)
    {
        if (await scope.ServiceProvider.GetRequiredService<Usernames>().ProblemAsync(username, cancellationToken) is { } problem)
            throw new OperationRejectedException(RejectionKind.Invalid, "Payload validation error: " + problem);
    }

    private async Task SetPasswordAsync(UserManager<TenantUser> users, TenantUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        if (IdentityRejections.Weak(errors) is { } weak)
            throw weak;
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.LastPasswordReset = clock.GetUtcNow();
        // A new stamp ends the sessions that were signed in with the old password.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    private static void Block(TenantUser user, bool blocked)
    {
        if (blocked && !user.Blocked)
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.Blocked = blocked;
    }

    private async Task<TenantUser> FindAsync(UserManager<TenantUser> users, string id) =>
        await users.FindByIdAsync(id) is { } user && user.TenantId == tenant.Id ? user : throw NotFound();

    internal static OperationRejectedException NotFound() => new(RejectionKind.NotFound, "The user does not exist.");
}
