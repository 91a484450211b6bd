using System.Security.Claims;
using Flowgate.Dashboard.Login;
using Flowgate.Runtime.Identity;
using Flowgate.Shared.Flows;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Connections;

/// <summary>
/// <c>api.authentication.setPrimaryUser</c> made effective: the login goes on as the named user, provided the identity
/// that logged in is one of that user's (an Action links it first, through the Management API). The session follows
/// the primary user, since linking removed the user the session was opened for.
/// </summary>
internal sealed class PrimaryUserSwitch(UserManager<TenantUser> users, SignInManager<TenantUser> signIn, ILogger<PrimaryUserSwitch> logger)
{
    /// <summary>The user the login continues as, and why the login must stop when the switch is refused.</summary>
    public async Task<(TenantUser User, string? Refusal)> ApplyAsync(HttpContext context, FlowExecutionResult flow, TenantUser user, ClaimsPrincipal session)
    {
        if (flow.Outcome.PrimaryUserId is not { } primaryId || primaryId == user.Id)
            return (user, null);
        var primary = await users.FindByIdAsync(primaryId);
        if (primary is null || primary.Blocked || !UserIdentities.Of(primary).Any(i => i.AsUserId == user.Id))
            return (user, $"setPrimaryUser: the identity {user.Id} is not linked to the user {primaryId}.");
        signIn.Context = context;
        await signIn.SignInWithClaimsAsync(primary, isPersistent: false,
            [.. session.Claims.Where(c => c.Type is EndUserSignIn.MethodClaim or ConnectionSignIn.ConnectionClaim).Select(c => new Claim(c.Type, c.Value)),
             .. LoginSessionClaims.KeptFrom(session)]);
        logger.LogInformation("Login of {UserId} continues as its primary user {PrimaryId}", user.Id, primary.Id);
        return (primary, null);
    }
}
