using System.Security.Claims;
using Flowgate.Dashboard.Login;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Connections;

/// <summary>
/// The last step of a login through a connection: the handler has checked the provider's answer (state, nonce, PKCE)
/// and left the upstream user in the external cookie. This finds or creates the user with that identity, starts the
/// session (naming the connection) and sends the browser back to the <c>/authorize</c> request that started the login,
/// where the login goes on as after a password (post-login flow, MFA, consent).
/// </summary>
internal sealed class ConnectionSignIn(
    ConnectionSchemes schemes, UserIdentities identities, SignInManager<TenantUser> signIn, LoginUserWrites writes, LoginEvents events, ILogger<ConnectionSignIn> logger)
{
    /// <summary>The session claim naming the connection the user logged in with (its id): <c>event.connection</c>.</summary>
    public const string ConnectionClaim = "flowgate_con";

    /// <summary>Auth0's authentication method name for a login at an upstream provider.</summary>
    public const string FederatedMethod = "federated";

    /// <summary>The item of the handler's protected state that names the connection.</summary>
    public const string ConnectionItem = "connection";

    /// <summary>The item of the handler's protected state that holds where the login goes on.</summary>
    public const string ReturnItem = "returnUrl";

    public async Task<IResult> CompleteAsync(HttpContext context)
    {
        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Properties?.Items.TryGetValue(ConnectionItem, out var name) != true || name is null
            || await schemes.FindAsync(name, context.RequestAborted) is not { } connection)
            return Results.Redirect(HostedError.Url("login-expired"));
        external.Properties.Items.TryGetValue(ReturnItem, out var returnUrl);
        var clientId = HostedLoginReturnUrl.ClientId(returnUrl);
        if (UpstreamClaims.Read(external.Principal!, connection.Details) is not { } profile)
        {
            events.Write(context, LogTypes.FailedLogin, $"{name}: the provider named no subject (sub).", clientId: clientId);
            return Results.Redirect(HostedError.Url("connection-failed"));
        }
        var (user, refusal) = await identities.FindOrCreateAsync(profile);
        if (user is null || user.Blocked)
        {
            events.Write(context, LogTypes.FailedLogin, $"{name}: " + (refusal ?? "The user is blocked."), user, userName: profile.Email, clientId: clientId);
            return Results.Redirect(HostedError.Url(user is null ? "connection-email-taken" : "connection-failed"));
        }
        signIn.Context = context;
        await writes.CountLoginAsync(user, context.RequestAborted);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
            [new Claim(EndUserSignIn.MethodClaim, FederatedMethod), new Claim(ConnectionClaim, connection.Details.Id), .. LoginSessionClaims.Start(context)]);
        logger.LogInformation("User {UserId} logged in through connection {Connection}", user.Id, name);
        return Results.Redirect(HostedLoginReturnUrl.Safe(returnUrl));
    }
}
