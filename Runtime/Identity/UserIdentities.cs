using System.Text.Json;
using Flowgate.Runtime.Actions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// Users' identities across connections: the user an upstream login belongs to (found by its identity, or created as
/// <c>provider|user_id</c>), and account linking, which moves an identity from one user to another as Auth0 does.
/// An identity is found through Identity's external-login rows (provider, user_id); its profile is kept in the user's
/// <see cref="TenantUser.IdentitiesJson"/>.
/// </summary>
public sealed class UserIdentities(UserManager<TenantUser> users, LinkedDatabaseAccounts databaseAccounts, TimeProvider clock, ILogger<UserIdentities> logger)
{
    /// <summary>The user's identities; a database user that never had others has its one, from its id.</summary>
    public static IReadOnlyList<UserIdentity> Of(TenantUser user) => user.IdentitiesJson is { } json
        ? JsonSerializer.Deserialize<List<UserIdentity>>(json) ?? []
        : [new UserIdentity(Connections.ConnectionStrategies.Database, DatabasePrefixRemoved(user.Id), UserIds.DatabaseConnection, false)];

    // A database user's identity carries the id without Auth0's provider prefix (an imported id may have none).
    private static string DatabasePrefixRemoved(string id) => id.StartsWith("auth0|", StringComparison.Ordinal) ? id["auth0|".Length..] : id;

    /// <summary>
    /// The user this upstream login is (its profile data refreshed), or a new one. Refused (null and why) when the
    /// address belongs to another user: accounts are linked on purpose, never by a matching e-mail.
    /// </summary>
    public async Task<(TenantUser? User, string? Refusal)> FindOrCreateAsync(UpstreamProfile profile)
    {
        var identity = profile.Identity;
        if (await users.FindByLoginAsync(identity.Provider, identity.UserId) is { } known)
        {
            known.IdentitiesJson = Serialize([.. Of(known).Select(i => i.Provider == identity.Provider && i.UserId == identity.UserId ? identity : i)]);
            await users.UpdateAsync(known);
            return (known, null);
        }
        if (profile.Email is { } email && await users.FindByEmailAsync(email) is not null)
            return (null, "An account with this e-mail address already exists. Log in with it, then link the accounts.");
        var now = clock.GetUtcNow();
        var user = new TenantUser
        {
            Id = identity.AsUserId, UserName = profile.Email ?? UserNameOf(identity), Email = profile.Email, EmailConfirmed = profile.EmailVerified,
            Name = profile.Name, GivenName = profile.GivenName, FamilyName = profile.FamilyName, Nickname = profile.Nickname, Picture = profile.Picture,
            IdentitiesJson = Serialize([identity]), CreatedAt = now, UpdatedAt = now,
        };
        var created = await users.CreateAsync(user);
        if (created.Succeeded)
            created = await users.AddLoginAsync(user, new UserLoginInfo(identity.Provider, identity.UserId, identity.Connection));
        if (!created.Succeeded)
            throw new InvalidOperationException("The user could not be created: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        logger.LogInformation("User {UserId} created by a login through connection {Connection}", user.Id, identity.Connection);
        return (user, null);
    }

    /// <summary>
    /// Moves the identity <paramref name="provider"/>/<paramref name="userId"/> and its user's other identities to the
    /// primary user; the secondary user is removed (a database user's row stays, hidden, for its password: see
    /// <see cref="LinkedDatabaseAccounts"/>).
    /// </summary>
    public async Task<IReadOnlyList<UserIdentity>> LinkAsync(string primaryId, string provider, string userId, CancellationToken cancellationToken = default)
    {
        var primary = await users.FindByIdAsync(primaryId) ?? throw OperationRejectedException.NotFound("User", primaryId);
        var secondary = await users.FindByLoginAsync(provider, userId) ?? await users.FindByIdAsync(provider + "|" + userId)
            ?? throw new OperationRejectedException(RejectionKind.NotFound, $"The secondary user does not exist: {provider}|{userId}") { ErrorCode = "inexistent_user" };
        if (secondary.Id == primary.Id)
            throw Invalid("Main identity and the new one are the same.");
        if (IsDatabaseUser(secondary))
            return await SaveAsync(primary, await databaseAccounts.LinkAsync(primary, secondary, cancellationToken), secondary.Id);
        var moved = Of(secondary);
        var logins = await users.GetLoginsAsync(secondary);
        if (!(await users.DeleteAsync(secondary)).Succeeded)
            throw new InvalidOperationException("The secondary user could not be removed.");
        foreach (var login in logins)
            await users.AddLoginAsync(primary, login);
        return await SaveAsync(primary, moved, secondary.Id);
    }

    // A database user's first identity is its own, in the database connection (its id without the provider prefix).
    private static bool IsDatabaseUser(TenantUser user) => Of(user)[0].Provider == Connections.ConnectionStrategies.Database;

    private async Task<IReadOnlyList<UserIdentity>> SaveAsync(TenantUser primary, IEnumerable<UserIdentity> moved, string secondaryId)
    {
        var identities = Of(primary).Concat(moved).ToList();
        primary.IdentitiesJson = Serialize(identities);
        primary.UpdatedAt = clock.GetUtcNow();
        await users.UpdateAsync(primary);
        logger.LogInformation("User {SecondaryId} linked into {PrimaryId}", secondaryId, primary.Id);
        return identities;
    }

    /// <summary>Takes an identity out of a user: it becomes a user of its own again, as on Auth0. Returns what the user keeps.</summary>
    public async Task<IReadOnlyList<UserIdentity>> UnlinkAsync(string primaryId, string provider, string userId)
    {
        var primary = await users.FindByIdAsync(primaryId) ?? throw OperationRejectedException.NotFound("User", primaryId);
        var identities = Of(primary).ToList();
        var identity = identities.FirstOrDefault(i => i.Provider == provider && i.UserId == userId)
            ?? throw new OperationRejectedException(RejectionKind.NotFound, "The identity is not linked to this user.") { ErrorCode = "inexistent_identity" };
        if (identity.AsUserId == primary.Id)
            throw Invalid("Main identity cannot be removed.");
        identities.Remove(identity);
        primary.IdentitiesJson = Serialize(identities);
        await users.RemoveLoginAsync(primary, provider, userId);
        await users.UpdateAsync(primary);
        // A linked database user comes back as it was, with its password.
        if (provider == Connections.ConnectionStrategies.Database && await databaseAccounts.UnlinkAsync(primary, identity))
            return identities;
        var now = clock.GetUtcNow();
        var separate = new TenantUser
        {
            Id = identity.AsUserId, UserName = UserNameOf(identity), IdentitiesJson = Serialize([identity]), CreatedAt = now, UpdatedAt = now,
            Name = identity.ProfileData?["name"]?.ToString(),
        };
        // The address goes with the identity unless another user has it (the one it was linked to, often).
        if (identity.ProfileData?["email"]?.ToString() is { Length: > 0 } email && await users.FindByEmailAsync(email) is null)
            (separate.Email, separate.UserName) = (email, email);
        var created = await users.CreateAsync(separate);
        if (created.Succeeded)
            created = await users.AddLoginAsync(separate, new UserLoginInfo(provider, userId, identity.Connection));
        if (!created.Succeeded)
            throw new InvalidOperationException("The unlinked identity's user could not be created: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        logger.LogInformation("Identity {Provider} of {PrimaryId} unlinked into {UserId}", provider, primary.Id, separate.Id);
        return identities;
    }

    private static string Serialize(IEnumerable<UserIdentity> identities) => JsonSerializer.Serialize(identities);

    // Identity's default user name characters: the provider and subject without the separators.
    private static string UserNameOf(UserIdentity identity) =>
        new([.. identity.AsUserId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_')]);

    private static OperationRejectedException Invalid(string reason) => new(RejectionKind.Invalid, reason) { ErrorCode = "invalid_body" };
}
