using System.Security.Claims;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Connections;
using Flowgate.Runtime.Identity;

namespace Flowgate.Dashboard.Connections;

/// <summary>Reads the upstream user from the external sign-in's claims: the subject, Auth0's profile fields, and the raw profile as <c>profileData</c>.</summary>
internal static class UpstreamClaims
{
    // Protocol claims of an ID token: they say nothing about the user.
    private static readonly HashSet<string> Protocol = ["iss", "aud", "exp", "iat", "nbf", "nonce", "at_hash", "c_hash", "sid", "auth_time", "azp", "amr", "acr", "s_hash"];

    /// <summary>The profile, or null when the provider named no subject.</summary>
    public static UpstreamProfile? Read(ClaimsPrincipal principal, ConnectionDetails connection)
    {
        if (principal.FindFirst("sub")?.Value is not { Length: > 0 } subject)
            return null;
        var data = principal.FindFirst(OAuthConnectionOptions.ProfileClaim)?.Value is { } raw
            ? JsonNode.Parse(raw)!.AsObject()
            : Collect(principal);
        string? Claim(string type) => principal.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
        return new UpstreamProfile(connection.Name, connection.Strategy, subject, data)
        {
            Email = Claim("email"), EmailVerified = Claim("email_verified") is "true" or "True",
            Name = Claim("name"), GivenName = Claim("given_name"), FamilyName = Claim("family_name"),
            Nickname = Claim("nickname") ?? Claim("preferred_username"), Picture = Claim("picture"),
        };
    }

    private static JsonObject Collect(ClaimsPrincipal principal)
    {
        var data = new JsonObject();
        foreach (var group in principal.Claims.Where(c => !Protocol.Contains(c.Type)).GroupBy(c => c.Type))
        {
            var first = group.First().Value;
            data[group.Key] = group.Count() > 1 ? new JsonArray([.. group.Select(c => (JsonNode)c.Value)])
                : first is "true" or "false" ? first == "true" : first;
        }
        return data;
    }
}
