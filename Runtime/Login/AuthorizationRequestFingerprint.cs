using System.Text;

namespace Flowgate.Runtime.Login;

/// <summary>
/// The hash of an authorization request's canonical form: what a parked login was computed for. A login resumed with
/// any other client, redirect, scope, audience, response, nonce, PKCE challenge, prompt, max_age or acr_values is
/// refused, since the post-login flow's decision (a deny on scopes, claims for an audience) held only for the request
/// it saw.
/// </summary>
public static class AuthorizationRequestFingerprint
{
    /// <summary>The parameters the fingerprint covers, in the order they are hashed.</summary>
    public static readonly IReadOnlyList<string> Parameters =
    [
        "client_id", "redirect_uri", "scope", "audience", "response_type", "response_mode", "nonce",
        "code_challenge", "code_challenge_method", "prompt", "max_age", "acr_values",
    ];

    // Space-separated sets: "openid email" and "email openid" ask for the same thing.
    private static readonly HashSet<string> Sets = ["scope", "response_type", "prompt", "acr_values"];

    /// <summary>The fingerprint of the request whose parameters <paramref name="parameter"/> returns (null or empty when absent).</summary>
    public static string Of(Func<string, string?> parameter)
    {
        var canonical = new StringBuilder();
        foreach (var name in Parameters)
        {
            var value = parameter(name) ?? "";
            if (Sets.Contains(name))
                value = string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            // Length-prefixed, so no value can forge the boundary between two parameters.
            canonical.Append(name).Append('=').Append(value.Length).Append(':').Append(value).Append('\n');
        }
        return TextHash.Sha256Hex(canonical.ToString());
    }
}
