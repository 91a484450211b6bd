using System.Text.Json.Nodes;
using Flowgate.Runtime.Login;
using Flowgate.Runtime.Mfa;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Identity;

/// <summary>
/// A database user linked into another as a secondary identity, as on Auth0: it is no user any more (the row is kept,
/// with <see cref="TenantUser.LinkedToUserId"/> set, and hidden by a query filter), but its e-mail and password still
/// log in, as the primary user. Only the password is kept: the secondary's factors are removed and its sessions and
/// tokens end, so what logs in through it meets the primary's block and factors. Unlinking makes it a user again.
/// </summary>
public sealed class LinkedDatabaseAccounts(
    UserManager<TenantUser> users, MfaEnrollments factors, UserSessionRevocation sessions, ILogger<LinkedDatabaseAccounts> logger)
{
    /// <summary>The hidden account holding this address's password, when the address is a database identity linked into a user.</summary>
    public async Task<TenantUser?> FindByEmailAsync(string email)
    {
        var normalized = users.NormalizeEmail(email);
        return await users.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.LinkedToUserId != null);
    }

    /// <summary>The user an account logs in as: itself, or the user it is linked into (null if that one is gone).</summary>
    public async Task<TenantUser?> LogsInAsAsync(TenantUser account) =>
        account.LinkedToUserId is { } primaryId ? await users.FindByIdAsync(primaryId) : account;

    /// <summary>
    /// Links the database user <paramref name="secondary"/> into <paramref name="primary"/>; returns the identities
    /// the primary gains (the secondary's own, with its address as profile data, and any linked into it before).
    /// </summary>
    public async Task<IReadOnlyList<UserIdentity>> LinkAsync(TenantUser primary, TenantUser secondary, CancellationToken cancellationToken)
    {
        var moved = UserIdentities.Of(secondary).ToList();
        moved[0] = moved[0] with { ProfileData = new JsonObject { ["email"] = secondary.Email, ["email_verified"] = secondary.EmailConfirmed, ["name"] = secondary.Name } };
        // Identities linked into the secondary before go to the primary with it: their logins, and hidden database accounts.
        foreach (var login in await users.GetLoginsAsync(secondary))
        {
            await users.RemoveLoginAsync(secondary, login.LoginProvider, login.ProviderKey);
            await users.AddLoginAsync(primary, login);
        }
        await users.Users.IgnoreQueryFilters().Where(u => u.LinkedToUserId == secondary.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LinkedToUserId, primary.Id), cancellationToken);
        // What the secondary opened or enrolled is no way into the primary.
        await factors.ResetAsync(secondary.Id, cancellationToken);
        await sessions.RevokeAsync(secondary.Id, "linked into another user", cancellationToken);
        secondary.IdentitiesJson = null;
        secondary.LinkedToUserId = primary.Id;
        IdentityRejections.ThrowIfFailed(await users.UpdateSecurityStampAsync(secondary));
        logger.LogInformation("Database user {SecondaryId} linked into {PrimaryId}", secondary.Id, primary.Id);
        return moved;
    }

    /// <summary>Gives back the database identity <paramref name="identity"/> linked into <paramref name="primary"/> as its own user; false when it has no hidden account.</summary>
    public async Task<bool> UnlinkAsync(TenantUser primary, UserIdentity identity)
    {
        var account = await users.Users.IgnoreQueryFilters()
            .FirstOrDefaultAsync(u => (u.Id == identity.AsUserId || u.Id == identity.UserId) && u.LinkedToUserId == primary.Id);
        if (account is null)
            return false;
        account.LinkedToUserId = null;
        IdentityRejections.ThrowIfFailed(await users.UpdateSecurityStampAsync(account));
        logger.LogInformation("Database identity {UserId} unlinked from {PrimaryId}", account.Id, primary.Id);
        return true;
    }

    /// <summary>Removes the database accounts linked into a user that is being deleted, as Auth0 deletes a user with its identities.</summary>
    public async Task DeleteLinkedToAsync(string primaryId, CancellationToken cancellationToken) =>
        await users.Users.IgnoreQueryFilters().Where(u => u.LinkedToUserId == primaryId).ExecuteDeleteAsync(cancellationToken);
}
