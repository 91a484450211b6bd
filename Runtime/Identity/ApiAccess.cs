namespace Flowgate.Runtime.Identity;

/// <summary>
/// What an end user's access token for an API carries: the scopes it grants, with Auth0's <c>access_token_authz</c>
/// dialect the user's permissions for that API (null when the dialect adds none), and how long it lives.
/// </summary>
public sealed record ApiAccess(IReadOnlyList<string> Scopes, IReadOnlyList<string>? Permissions, TimeSpan Lifetime);
