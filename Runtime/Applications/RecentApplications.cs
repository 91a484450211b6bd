using System.Runtime.CompilerServices;
using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Applications;

/// <summary>
/// Applications by client id, as read at most <see cref="RecentReads{TKey, TValue}.MaxAge"/> (2 s) ago, for the requests
/// that only read their client: the OIDC endpoints (see <c>VerifiedClientSecrets</c>) and the hosted pages. OpenIddict's
/// own entity cache lives for one request, so a login read its client five times (<c>/authorize</c> twice, the login
/// page twice, the token request) and every client_credentials grant once, about a tenth of a grant's CPU.
/// </summary>
/// <remarks>
/// An entry is read untracked and shared, read-only, by concurrent requests: <see cref="IsShared"/> lets the application
/// manager refuse to change one. A change made through <see cref="ApplicationService"/> or the application manager drops
/// the entry at once on this instance; one made on another instance on the same database is seen here within 2 s, as
/// the connection schemes do: for that long a rotated secret, a removed callback or a deleted application still works
/// on this instance. Unknown client ids are not kept, so guessing them cannot push real clients out.
/// </remarks>
public sealed class RecentApplications(IDbContextFactory<FlowgateDbContext> contexts, TimeProvider clock)
    : RecentReads<string, FlowgateApplication>(clock, TimeSpan.FromSeconds(2))
{
    private readonly ConditionalWeakTable<FlowgateApplication, object> _shared = [];

    /// <summary>The application with exactly this client id, of any tenant (as OpenIddict's lookup); null when none.</summary>
    public async Task<FlowgateApplication?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        if (TryGet(clientId, out var known))
            return known;
        var read = BeginRead();
        FlowgateApplication? application;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            application = await db.Set<FlowgateApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.ClientId == clientId, cancellationToken);
        // A case-insensitive collation (SQL Server's default) also matches another spelling: only the exact id is this client.
        if (application is null || !string.Equals(application.ClientId, clientId, StringComparison.Ordinal))
            return null;
        _shared.AddOrUpdate(application, this);
        Set(clientId, application, read);
        return application;
    }

    /// <summary>Whether <paramref name="application"/> came from here: shared by other requests, it must never be changed.</summary>
    public bool IsShared(FlowgateApplication application) => _shared.TryGetValue(application, out _);
}
