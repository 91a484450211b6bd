using System.Security.Claims;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Mfa.WebAuthn;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Login;

/// <summary>The hosted pages' password and passkey login and signup, with Identity's lockout; errors are user-facing text.</summary>
internal sealed class EndUserSignIn(
    UserManager<TenantUser> users, SignInManager<TenantUser> signIn, RegistrationFlows registration, IdentifierFlow identifier, LoginEvents events,
    PasswordCheck passwords, Usernames usernames, LinkedDatabaseAccounts linkedAccounts, LoginUserWrites writes, AccountMail mail, WebAuthnCredentials passkeys, Mfa.RelyingParties relyingParties, TimeProvider clock, ILogger<EndUserSignIn> logger)
{
    /// <summary>The session claim naming how the user logged in: <c>event.authentication.methods</c>' name (<c>pwd</c> when absent).</summary>
    public const string MethodClaim = "amr";

    /// <summary>
    /// Signs the user in by e-mail (or by username, when the connection requires usernames); returns null on success,
    /// otherwise what to tell them.
    /// </summary>
    public async Task<string?> PasswordAsync(HttpContext context, string email, string password, string? returnUrl = null)
    {
        signIn.Context = context;
        var clientId = HostedLoginReturnUrl.ClientId(returnUrl);
        var (refusal, executionId) = await identifier.RunAsync(context, email.Trim(), clientId, context.RequestAborted);
        if (refusal is not null)
        {
            events.Write(context, LogTypes.FailedLogin, refusal, userName: email.Trim(), clientId: clientId, executionId: executionId);
            return refusal;
        }
        // The account holding the password: a user, or a database identity linked into one.
        var account = await FindAsync(email.Trim(), context.RequestAborted) ?? await linkedAccounts.FindByEmailAsync(email.Trim());
        var check = await passwords.CheckAsync(account, password, context.RequestAborted);
        // A linked identity logs in as its primary user: the primary's block, factors and sessions apply, never its own.
        var user = account is null ? null : await linkedAccounts.LogsInAsAsync(account);
        if (user is null || check != PasswordCheckResult.Accepted)
        {
            // One answer for an unknown address, a wrong password and a locked account; the tenant log tells them apart.
            var (type, description) = check switch
            {
                PasswordCheckResult.UnknownUser => (LogTypes.UnknownUser, "Wrong email or password."),
                PasswordCheckResult.Locked => (LogTypes.TooManyAttempts, "The account is locked after too many failed attempts."),
                _ => (LogTypes.WrongPassword, "Wrong email or password."),
            };
            events.Write(context, type, description, account, userName: email.Trim(), clientId: clientId);
            return WrongCredentials;
        }
        // Only after the password: the page must not tell strangers which accounts exist and are blocked.
        if (user.Blocked)
        {
            events.Write(context, LogTypes.FailedLogin, "The user is blocked.", user, clientId: clientId);
            return "This account is blocked. Contact the application's administrator.";
        }

        await StartSessionAsync(user, []);
        return null;
    }

    /// <summary>
    /// Signs the user in with a passkey (a discoverable credential, user verified): the credential names the user.
    /// Returns null on success, otherwise what to tell them; why it failed goes to the tenant logs.
    /// </summary>
    public async Task<string?> PasskeyAsync(HttpContext context, string? posted, string? returnUrl)
    {
        signIn.Context = context;
        var clientId = HostedLoginReturnUrl.ClientId(returnUrl);
        var outcome = CredentialResponse.Parse(posted) is { } response
            ? await passkeys.AssertPasskeyAsync(relyingParties.For(), response, context.RequestAborted)
            : WebAuthnOutcome.Refused(MfaVerification.Wrong, WebAuthnRefusal.Malformed, "The posted credential is not valid.");
        var user = outcome.UserId is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null)
        {
            events.Write(context, LogTypes.FailedLogin, "passkey: " + outcome.Reason, clientId: clientId);
            return outcome.Verification == MfaVerification.Locked
                ? "This passkey is locked after too many failed attempts. Try again later."
                : "This passkey could not sign you in. Try again, or log in with your password.";
        }
        if (user.Blocked || await users.IsLockedOutAsync(user))
        {
            events.Write(context, LogTypes.FailedLogin, user.Blocked ? "passkey: the user is blocked." : "passkey: the account is locked.", user, clientId: clientId);
            return "This account cannot log in now. Contact the application's administrator.";
        }
        await StartSessionAsync(user, [new Claim(MethodClaim, "passkey")]);
        return null;
    }

    /// <summary>How the session's user logged in (<c>pwd</c> or <c>passkey</c>) and when, as <c>event.authentication.methods</c> lists it.</summary>
    public static IReadOnlyList<AuthenticationMethod> MethodsOf(ClaimsPrincipal session, DateTimeOffset authenticatedAt) =>
        [new(session.FindFirst(MethodClaim)?.Value ?? AuthenticationMethods.Password, authenticatedAt)];

    // An unknown username goes on exactly as an unknown address does: the same dummy hash, the same answer.
    private async Task<TenantUser?> FindAsync(string identifier, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(identifier) is { } user)
            return user;
        if (!(await usernames.PolicyAsync(cancellationToken)).Required)
            return null;
        return await usernames.FindUserIdAsync(identifier, cancellationToken) is { } id ? await users.FindByIdAsync(id) : null;
    }

    private async Task StartSessionAsync(TenantUser user, IEnumerable<Claim> claims)
    {
        // An atomic increment, not an entity update: concurrent logins of one account must not conflict.
        await writes.CountLoginAsync(user, signIn.Context.RequestAborted);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [.. claims, .. LoginSessionClaims.Start(signIn.Context)]);
    }

    /// <summary>
    /// Creates the user and signs them in; returns the problems when it cannot. The password policy is
    /// checked first, then pre-user-registration decides; post-user-registration starts once the user exists.
    /// </summary>
    public async Task<IReadOnlyList<string>> SignUpAsync(HttpContext context, string email, string? username, string password, string? returnUrl)
    {
        signIn.Context = context;
        email = email.Trim();
        username = string.IsNullOrWhiteSpace(username) ? null : username.Trim();
        var now = clock.GetUtcNow();
        var user = new TenantUser { Id = UserIds.NewDatabaseUserId(), UserName = email, Email = email, CreatedAt = now, UpdatedAt = now, LoginsCount = 1, LastLogin = now };
        if (await usernames.ProblemAsync(username, context.RequestAborted) is { } usernameProblem)
            return [usernameProblem];
        user.SetUsername(username);
        var problems = await PasswordProblemsAsync(user, password);
        if (problems.Count > 0)
            return problems;

        var clientId = HostedLoginReturnUrl.ClientId(returnUrl);
        var decision = await registration.BeforeAsync(context, email, username, clientId, context.RequestAborted);
        if (decision.UserMessage is not null)
        {
            events.Write(context, LogTypes.FailedSignup, decision.UserMessage, userName: email, clientId: clientId, executionId: decision.ExecutionId);
            return [decision.UserMessage];
        }
        MetadataChanges.ApplyTo(user, decision.Outcome);

        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            return result.Errors.Select(e => e.Code is "DuplicateUserName" or "DuplicateEmail" or UsernamePolicy.DuplicateCode ? DuplicateSignup : e.Description).Distinct().ToList();
        logger.LogInformation("User {UserId} signed up", user.Id);
        events.Write(context, LogTypes.SuccessSignup, "Successful signup", user, clientId: clientId, executionId: decision.ExecutionId);
        registration.After(context, user);
        await mail.SendVerificationAsync(user, clientId, context.RequestAborted);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, LoginSessionClaims.Start(context));
        return [];
    }

    private const string WrongCredentials =
        "Wrong email or password. After too many failed attempts, an account is locked for a while: wait, or reset your password.";

    // Says no more than "try logging in": whether the address has an account stays unknown to strangers.
    private const string DuplicateSignup = "We could not create an account with these details. If you already have one, log in or reset your password.";

    private async Task<IReadOnlyList<string>> PasswordProblemsAsync(TenantUser user, string password)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }
        return problems;
    }
}
