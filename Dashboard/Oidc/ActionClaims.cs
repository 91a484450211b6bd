using System.Security.Claims;
using Flowgate.Shared.Flows;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Oidc;

/// <summary>
/// Custom claims that Actions set, added to the tokens. Claims the protocol owns (issuer, subject,
/// audience, lifetimes, scope, ...) are never overridden, as in Auth0.
/// </summary>
internal static class ActionClaims
{
    private static readonly HashSet<string> Reserved =
    [
        "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "azp", "scope", "scp", "gty", "auth_time", "nonce",
        "acr", "amr", "at_hash", "c_hash", "sid", "client_id", "cnf", "act", "may_act", "htm", "htu", "token_use",
    ];

    /// <summary>True when an Action may set a claim of this name.</summary>
    public static bool Allowed(string type) => !Reserved.Contains(type) && !type.StartsWith("oi_", StringComparison.Ordinal);

    // OpenIddict keeps destinations per claim type, so a claim set on both tokens is one claim with both
    // destinations (the ID token's value when the two differ).
    public static void Add(ClaimsIdentity identity, FlowOutcome outcome)
    {
        foreach (var type in outcome.IdTokenClaims.Keys.Union(outcome.AccessTokenClaims.Keys).Where(Allowed))
        {
            var value = outcome.IdTokenClaims.TryGetValue(type, out var forId) ? forId : outcome.AccessTokenClaims[type];
            var destinations = new List<string>();
            if (outcome.IdTokenClaims.ContainsKey(type))
                destinations.Add(Destinations.IdentityToken);
            if (outcome.AccessTokenClaims.ContainsKey(type))
                destinations.Add(Destinations.AccessToken);
            var claim = JsonClaims.Create(type, value);
            claim.SetDestinations(destinations);
            identity.RemoveClaims(type);
            identity.AddClaim(claim);
        }
    }
}
