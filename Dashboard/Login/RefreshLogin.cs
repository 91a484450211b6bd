using System.Security.Claims;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Flowgate.Runtime.Mfa;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// A refresh token exchanged: the post-login flow runs again with <c>event.transaction.protocol</c>
/// <c>oauth2-refresh-token</c>, as on Auth0. A deny or a failure refuses the exchange (<c>invalid_grant</c>); the
/// claims are built afresh from the user and the flow; what needs the user (a redirect, a factor) cannot happen
/// here, so it refuses too (Auth0 answers <c>mfa_required</c> to a factor, and Actions skip it on refresh).
/// </summary>
internal sealed class RefreshLogin(
    UserManager<TenantUser> users, LoginClaims claims, PostLoginFlow postLogin, ApplicationService applications,
    MfaEnrollments enrollments, LoginEvents events, TimeProvider clock, Connections.ConnectionEvent connections)
{
    public async Task<RefreshStep> RunAsync(HttpContext context, OpenIddictRequest request, ClaimsPrincipal granted, TenantUser user)
    {
        var scopes = granted.GetScopes();
        var audience = granted.GetResources().FirstOrDefault();
        IReadOnlyList<string> roles = [.. await users.GetRolesAsync(user)];
        var identity = await claims.CreateAsync(user, roles, scopes, audience);
        // The same authorization: revoking it (a password change, a block) also ends the refresh tokens issued here.
        identity.SetAuthorizationId(granted.GetAuthorizationId());
        // The methods of the login this refresh continues (a factor passed then included), carried to the next token too.
        var methods = AuthenticationMethods.FromClaim(granted.GetClaim(AuthenticationMethods.ClaimType))
            ?? [new AuthenticationMethod(AuthenticationMethods.Password, granted.GetCreationDate() ?? clock.GetUtcNow())];
        identity.SetClaim(AuthenticationMethods.ClaimType, AuthenticationMethods.ToClaim(methods));
        // The connection the login came through (kept in the refresh token since the login): event.connection, and the next refresh token.
        identity.SetClaim(Connections.ConnectionSignIn.ConnectionClaim, granted.GetClaim(Connections.ConnectionSignIn.ConnectionClaim));
        var application = await applications.FindForLoginAsync(request.ClientId!, context.RequestAborted);
        var flow = await postLogin.ExecuteAsync(async () => PostLoginEvent.Build(context, request, user, roles, application.Name, audience,
            await enrollments.ConfirmedTypesAsync(user.Id, context.RequestAborted), methods, PostLoginEvent.RefreshProtocol, scopes,
            application.Metadata, connection: connections.Of(granted)), context.RequestAborted);
        var step = LoginTransaction.Refresh(flow);
        // Metadata is saved either way (Auth0 keeps an Action's writes on a deny); claims and scopes only when issued.
        if (flow is not null && step is LoginStep.Issue)
            await postLogin.ApplyAsync(flow, user, identity);
        else if (flow is not null)
            await postLogin.FlushMetadataAsync(flow, user);
        if (step is LoginStep.Deny denied)
        {
            events.Write(context, LogTypes.RefreshTokenFailed, denied.Description, user, clientId: request.ClientId, clientName: application.Name, executionId: flow?.ExecutionId);
            return new RefreshStep(null, denied.Error, denied.Description);
        }
        events.Write(context, LogTypes.RefreshTokenExchanged, "Refresh token exchanged", user, clientId: request.ClientId, clientName: application.Name, executionId: flow?.ExecutionId);
        return new RefreshStep(new ClaimsPrincipal(identity), null, null);
    }
}
