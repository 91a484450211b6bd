using System.Security.Claims;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Flowgate.Runtime.Mfa;
using Flowgate.Shared.Flows;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// A refresh token exchanged: the post-login flow runs again with <c>event.transaction.protocol</c>
/// <c>oauth2-refresh-token</c>, as on Auth0. A deny or a failure refuses the exchange (<c>invalid_grant</c>); the
/// claims are built afresh from the user and the flow; what needs the user (a redirect, a factor) cannot happen
/// here, so it refuses too (Auth0 answers <c>mfa_required</c> to a factor, and Actions skip it on refresh).
/// </summary>
internal sealed class RefreshLogin(
    UserManager<TenantUser> users, LoginClaims claims, PostLoginFlow postLogin, ApplicationService applications,
    MfaEnrollments enrollments, LoginEvents events, TimeProvider clock)
{
    public async Task<RefreshStep> RunAsync(HttpContext context, OpenIddictRequest request, ClaimsPrincipal granted, TenantUser user)
    {
        var scopes = granted.GetScopes();
        var audience = granted.GetResources().FirstOrDefault();
        var identity = await claims.CreateAsync(user, scopes, audience);
        // The same authorization: revoking it (a password change, a block) also ends the refresh tokens issued here.
        identity.SetAuthorizationId(granted.GetAuthorizationId());
        // The methods of the login this refresh continues (a factor passed then included), carried to the next token too.
        var methods = AuthenticationMethods.FromClaim(granted.GetClaim(AuthenticationMethods.ClaimType))
            ?? [new AuthenticationMethod(AuthenticationMethods.Password, granted.GetCreationDate() ?? clock.GetUtcNow())];
        identity.SetClaim(AuthenticationMethods.ClaimType, AuthenticationMethods.ToClaim(methods));
        var clientName = await applications.FindNameAsync(request.ClientId!, context.RequestAborted);
        var eventJson = PostLoginEvent.Build(context, request, user, [.. await users.GetRolesAsync(user)], clientName, audience,
            await enrollments.ConfirmedTypesAsync(user.Id, context.RequestAborted), methods, PostLoginEvent.RefreshProtocol, scopes,
            await applications.FindMetadataAsync(request.ClientId!, context.RequestAborted));
        var flow = await postLogin.ExecuteAsync(eventJson, context.RequestAborted);
        if (flow is not null)
        {
            var refusal = flow switch
            {
                { Status: FlowStatus.Suspended, Outcome.Factors: not null } or { Status: FlowStatus.Completed, Outcome.MultifactorProvider: not (null or "none") }
                    => new RefreshStep(null, "mfa_required", "Multifactor authentication required"),
                { Status: FlowStatus.Suspended } => new RefreshStep(null, Errors.InvalidGrant, "The login flow redirects the user, which a refresh token exchange cannot do. Log in again."),
                _ => null,
            };
            if (refusal is null && await postLogin.ApplyAsync(flow, user, identity) is { } denied)
                refusal = new RefreshStep(null, Errors.InvalidGrant, denied);
            else if (refusal is not null)
                await postLogin.FlushMetadataAsync(flow, user);
            if (refusal is not null)
            {
                events.Write(context, LogTypes.RefreshTokenFailed, refusal.Description!, user, clientId: request.ClientId, clientName: clientName, executionId: flow.ExecutionId);
                return refusal;
            }
        }
        events.Write(context, LogTypes.RefreshTokenExchanged, "Refresh token exchanged", user, clientId: request.ClientId, clientName: clientName, executionId: flow?.ExecutionId);
        return new RefreshStep(new ClaimsPrincipal(identity), null, null);
    }
}
