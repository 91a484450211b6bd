using System.Security.Claims;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Login.Mfa;

/// <summary>
/// The end user's session cookie and the second factor: a passed factor is written into the session (when), and
/// <c>/u/mfa</c> lets the user change factors only within <see cref="FactorFreshness.Window"/> of a pass.
/// </summary>
internal sealed class FactorSession(SignInManager<TenantUser> signIn, TimeProvider clock)
{
    /// <summary>Re-issues this user's session with the time a factor was just passed (how they logged in and when stay).</summary>
    public async Task MarkPassedAsync(HttpContext context, TenantUser user)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!session.Succeeded || signIn.UserManager.GetUserId(session.Principal!) != user.Id)
            return;
        signIn.Context = context;
        Claim[] kept = [.. session.Principal!.FindAll(EndUserSignIn.MethodClaim).Select(c => new Claim(c.Type, c.Value)),
            .. LoginSessionClaims.KeptFrom(session.Principal!)];
        await signIn.SignInWithClaimsAsync(user, session.Properties, [.. kept, new Claim(FactorFreshness.ClaimType, FactorFreshness.ValueAt(clock.GetUtcNow()))]);
    }

    /// <summary>Whether the session passed a factor recently enough to change factors.</summary>
    public async Task<bool> IsFreshAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return session.Succeeded && FactorFreshness.IsFresh(session.Principal!.FindFirst(FactorFreshness.ClaimType)?.Value, clock.GetUtcNow());
    }
}
