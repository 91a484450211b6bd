using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Store;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// The applications that client_credentials requests authenticate, by client id, kept for
/// <see cref="RecentReads{TKey, TValue}.MaxAge"/> (2 s) across requests. OpenIddict's own entity cache lives for one
/// request, so each token request read its client from the database (about a tenth of the server's CPU on a
/// client_credentials grant), though a machine client asks for tokens again and again.
/// </summary>
/// <remarks>
/// Only client_credentials token requests read through this (see <see cref="VerifiedClientSecrets"/>), and they never
/// change an application nor write a row that points to one: an entry is shared by concurrent requests, read-only.
/// Administration keeps reading the database. A change made through this instance's application manager (settings, a
/// rotated secret, a deletion) drops the entry at once; one made on another instance on the same database is seen here
/// within 2 s, as the connection schemes do: for that long, a rotated secret or a deleted application may still obtain
/// tokens from this instance. Unknown client ids are not kept, so guessing them cannot push real clients out.
/// </remarks>
internal sealed class TokenRequestClients(TimeProvider clock) : RecentReads<string, FlowgateApplication>(clock, TimeSpan.FromSeconds(2));
