using System.Linq.Expressions;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Store;
using Flowgate.Shared.Flows;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Login;

/// <summary>
/// What a login writes to its user (the login counters, the post-login flow's metadata), each as one UPDATE
/// statement that cannot conflict with another login of the same account. An entity update would race on Identity's
/// concurrency stamp: the loser's update is refused, stays pending in the request's shared context, and fails the
/// OpenIddict save that follows, so one of two concurrent logins of an account failed.
/// </summary>
/// <param name="db">The request's context (the one Identity and OpenIddict save through): the user's tracked entry
/// is kept in step with what was written, so their later saves neither write it again nor see it as changed.</param>
public sealed class LoginUserWrites(FlowgateDbContext db, TimeProvider clock)
{
    // Each failed attempt means another login's write went through: the loop always makes progress.
    private const int MaxMetadataAttempts = 64;

    /// <summary>Counts a login (<c>logins_count + 1</c>, <c>last_login</c> now) in the database, atomically.</summary>
    public async Task CountLoginAsync(TenantUser user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var account = db.Users.Where(u => u.Id == user.Id);
        await account.ExecuteUpdateAsync(s => s.SetProperty(u => u.LoginsCount, u => u.LoginsCount + 1).SetProperty(u => u.LastLogin, now), cancellationToken);
        Keep(user, u => u.LoginsCount, await account.Select(u => u.LoginsCount).SingleAsync(cancellationToken));
        Keep(user, u => u.LastLogin, (DateTimeOffset?)now);
    }

    /// <summary>
    /// Applies a flow's metadata writes to the user's current metadata in the database (Auth0's merge by top-level
    /// key): a compare-and-set on the two documents, so a concurrent login's writes to other keys are not lost.
    /// </summary>
    public async Task SaveMetadataAsync(TenantUser user, FlowOutcome outcome, CancellationToken cancellationToken)
    {
        if (!MetadataChanges.Any(outcome))
            return;
        var account = db.Users.Where(u => u.Id == user.Id);
        for (var attempt = 1; ; attempt++)
        {
            var saved = await account.Select(u => new { u.UserMetadataJson, u.AppMetadataJson }).SingleAsync(cancellationToken);
            var merged = new TenantUser { UserMetadataJson = saved.UserMetadataJson, AppMetadataJson = saved.AppMetadataJson };
            MetadataChanges.ApplyTo(merged, outcome);
            var now = clock.GetUtcNow();
            var written = await account
                .Where(u => u.UserMetadataJson == saved.UserMetadataJson && u.AppMetadataJson == saved.AppMetadataJson)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(u => u.UserMetadataJson, merged.UserMetadataJson)
                    .SetProperty(u => u.AppMetadataJson, merged.AppMetadataJson)
                    .SetProperty(u => u.UpdatedAt, now), cancellationToken);
            if (written == 1)
            {
                Keep(user, u => u.UserMetadataJson, merged.UserMetadataJson);
                Keep(user, u => u.AppMetadataJson, merged.AppMetadataJson);
                Keep(user, u => u.UpdatedAt, now);
                return;
            }
            if (attempt == MaxMetadataAttempts)
                throw new DbUpdateConcurrencyException($"The metadata of user {user.Id} changed under {attempt} attempts to write it.");
        }
    }

    // The value is in the database already: the entity shows it, and its tracked entry does not count it as a change.
    private void Keep<T>(TenantUser user, Expression<Func<TenantUser, T>> property, T value)
    {
        var entry = db.Entry(user);
        var field = entry.Property(property);
        field.CurrentValue = value;
        if (entry.State != EntityState.Detached)
            field.OriginalValue = value;
    }
}
