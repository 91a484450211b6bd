using Flowgate.Runtime.Store;

namespace Flowgate.Runtime.Applications;

/// <summary>
/// What a client_credentials grant reads about its API (token lifetime) and the client's grant to it (scopes), by
/// tenant, stored audience and client id, kept for 2 s instead of read on every token request.
/// </summary>
/// <remarks>
/// Any change on this instance to client grants (<see cref="ClientGrantService"/>), to APIs
/// (<see cref="ResourceServerService"/>) or to applications' grants (<see cref="ApplicationService"/>) forgets every
/// entry at once; another instance on the same database goes on issuing what it read for at most 2 s, as the
/// connection schemes do: for that long a revoked grant or a removed scope may still be issued there. Only APIs that
/// exist are kept, so audiences made up by a client cannot push real entries out.
/// </remarks>
public sealed class ClientGrantCache(TimeProvider clock)
    : RecentReads<(string TenantId, string Audience, string ClientId), GrantedApi>(clock, TimeSpan.FromSeconds(2));

/// <summary>An API's token lifetime and the scopes a client is granted for it (null: no grant).</summary>
public sealed record GrantedApi(int TokenLifetimeSeconds, string? Scope);
