using Flowgate.Runtime.Store;

namespace Flowgate.Runtime.Tenancy;

/// <summary>
/// Tenant data the hosted pages show on every request (branding, the login page's passkey choice, custom texts), kept
/// for <see cref="Lifetime"/>: a login read each of them from the database once per page, twice per login. A change
/// made on this instance drops every entry at once (<see cref="Forget"/>); another instance shows it within the
/// lifetime. Only what a page displays is read through here: what guards something (the password policy, lockout,
/// the Management API's answers) reads the database every time.
/// </summary>
public sealed class HostedPageReads(TimeProvider clock) : RecentReads<(string TenantId, string Key), object?>(clock, Lifetime)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    // Keys are the tenant and a name the caller builds from its own constants (never from a request), so the count of
    // entries is bounded by tenants times sections; the cache's size limit is a second guard.
    /// <summary>The value read at most <see cref="Lifetime"/> ago, or <paramref name="read"/>'s. Values must be immutable.</summary>
    public async Task<T> GetAsync<T>(string tenantId, string key, Func<Task<T>> read)
    {
        if (TryGet((tenantId, key), out var kept))
            return (T)kept!;
        var started = BeginRead();
        var value = await read();
        Set((tenantId, key), value, started);
        return value;
    }

    /// <summary>Drops every entry: called after a write, so this instance shows the change at once.</summary>
    public void Forget() => ForgetAll();
}
