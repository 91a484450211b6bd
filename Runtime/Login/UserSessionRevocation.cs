using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace Flowgate.Runtime.Login;

/// <summary>
/// Ends what a user's old credentials opened: every OpenIddict authorization and token of theirs is revoked (refresh
/// tokens stop working, codes not yet redeemed too). Called when the password changes, the user is blocked or their
/// factors are reset; the caller also gives the user a new security stamp, which ends their browser sessions.
/// </summary>
public sealed class UserSessionRevocation(
    IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, ILogger<UserSessionRevocation> logger)
{
    /// <param name="reason">Why, for the log: "password changed", "blocked", "factors reset".</param>
    public async Task RevokeAsync(string userId, string reason, CancellationToken cancellationToken)
    {
        var revokedAuthorizations = await authorizations.RevokeBySubjectAsync(userId, cancellationToken);
        var revokedTokens = await tokens.RevokeBySubjectAsync(userId, cancellationToken);
        logger.LogInformation("Sessions of user {UserId} ended ({Reason}): {Authorizations} authorizations and {Tokens} tokens revoked",
            userId, reason, revokedAuthorizations, revokedTokens);
    }
}
