using Flowgate.Runtime.Identity;

namespace Flowgate.Runtime.Login;

/// <summary>
/// The user's security stamp as it was when a code or refresh token was issued: a private claim (never in an ID or
/// access token) that the token endpoint compares with the user's current stamp. A password change, a block or a
/// factor reset gives the user a new stamp, so tokens issued before it are refused even if one escaped revocation.
/// </summary>
public static class SessionStamp
{
    /// <summary>The claim type, kept only in the server's own tokens (codes and refresh tokens).</summary>
    public const string ClaimType = "flowgate_stamp";

    /// <summary>A hash of the stamp: the stamp itself stays in the database.</summary>
    public static string Of(TenantUser user) => TextHash.Sha256Hex("flowgate-session-stamp:" + user.SecurityStamp);

    /// <summary>Whether a token carrying <paramref name="claimed"/> may still be used for this user.</summary>
    public static bool Matches(TenantUser user, string? claimed) => claimed is not null && claimed == Of(user);
}
