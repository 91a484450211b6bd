using Flowgate.Runtime.Store;

namespace Flowgate.Runtime.Applications;

/// <summary>
/// The HS256 secret (or none: the tenant's RSA keys) that signs access tokens for a tenant and a set of audiences,
/// read and decrypted once per <see cref="RecentReads{TKey, TValue}.MaxAge"/> (2 s) instead of once per token: the
/// database read and the Data Protection unprotect were about a tenth of the server's CPU on a client_credentials grant.
/// </summary>
/// <remarks>
/// A change to APIs on this instance (<see cref="ResourceServerService"/>: create, update, delete) forgets every entry
/// at once; another instance on the same database goes on signing with what it read for at most 2 s, as the
/// connection schemes do. The key's audiences are those of APIs a grant was allowed for.
/// </remarks>
public sealed class ApiSigningSecretCache(TimeProvider clock)
    : RecentReads<(string TenantId, string Audiences), string?>(clock, TimeSpan.FromSeconds(2))
{
    public static (string TenantId, string Audiences) KeyFor(string tenantId, IReadOnlyCollection<string> audiences) =>
        (tenantId, string.Join('\n', audiences));
}
