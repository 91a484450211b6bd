using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Jobs;

/// <summary>
/// The usernames of one import batch: each checked against the connection's <see cref="UsernamePolicy"/> and against the
/// usernames already held (in the database and by earlier rows of the batch), so a taken or invalid username fails its row
/// only, with Auth0's codes.
/// </summary>
internal sealed class ImportUsernames(UsernamePolicy policy, Dictionary<string, string> holders)
{
    public static async Task<ImportUsernames> LoadAsync(FlowgateDbContext db, string tenantId, IEnumerable<ImportedUser> users, CancellationToken cancellationToken)
    {
        var policy = await Usernames.PolicyAsync(db, tenantId, cancellationToken);
        var names = users.Select(u => UsernamePolicy.Normalize(u.Username)).OfType<string>().Distinct().ToList();
        var holders = names.Count == 0 ? [] : await db.Users.AsNoTracking()
            .Where(u => u.TenantId == tenantId && names.Contains(u.NormalizedDatabaseUsername!))
            .ToDictionaryAsync(u => u.NormalizedDatabaseUsername!, u => u.Id, cancellationToken);
        return new ImportUsernames(policy, holders);
    }

    /// <summary>What is wrong with the row's username for <paramref name="found"/> (null: a new user), or null.</summary>
    public RowError? Problem(ImportedUser user, TenantUser? found)
    {
        if (user.Username is not { } username)
            return found is null && policy.Required ? RowError.Missing("username") : null;
        if (policy.Problem(username) is { } problem)
            return new RowError("INVALID_FORMAT", problem, "username");
        return holders.TryGetValue(UsernamePolicy.Normalize(username)!, out var holder) && holder != found?.Id
            ? new RowError("DUPLICATED_USER", $"The username {username} belongs to another user", "username")
            : null;
    }

    /// <summary>Gives the row's username (if any) to <paramref name="user"/>; later rows of the batch see it taken.</summary>
    public void Assign(TenantUser user, ImportedUser row)
    {
        if (row.Username is not { } username)
            return;
        user.SetUsername(username);
        holders[user.NormalizedDatabaseUsername!] = user.Id;
    }
}
