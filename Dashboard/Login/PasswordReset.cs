using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Tenancy;
using Flowgate.Shared.Flows;
using Flowgate.Shared.Triggers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// Forgot / reset password on the hosted pages. The link is mailed (SMTP or the development outbox);
/// opening it is the challenge, after which password-reset-post-challenge decides (with a factor or a redirect
/// first when it asks, see <see cref="ResetChallenge"/>), and only a browser that passed it may set the password;
/// post-change-password runs detached afterwards.
/// </summary>
internal sealed class PasswordReset(
    UserManager<TenantUser> users,
    AccountMail mail,
    IssuerResolver issuers,
    IDataProtectionProvider protection,
    TriggerRunner flows,
    ResetChallenge challenge,
    TriggerRunner detached,
    LoginEvents events,
    UserSessionRevocation revocation,
    ILogger<PasswordReset> logger)
{
    private static readonly TimeSpan ChallengeValidFor = TimeSpan.FromMinutes(15);
    private ITimeLimitedDataProtector Passes => protection.CreateProtector("Flowgate.PasswordReset.ChallengePassed").ToTimeLimitedDataProtector();

    /// <summary>Mails a reset link if the account exists; the caller says the same thing either way.</summary>
    public async Task RequestAsync(HttpContext context, string address, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(address.Trim());
        if (user is null || user.Blocked)
        {
            logger.LogInformation("Password reset requested for an address with no active account");
            return;
        }
        var ticket = await users.GeneratePasswordResetTokenAsync(user);
        // The issuer, not the request's Host header: a forged Host must not end up in the mailed link.
        var link = $"{issuers.Resolve()}u/reset-password/confirm?user={Uri.EscapeDataString(user.Id)}&ticket={Uri.EscapeDataString(ticket)}";
        await mail.SendResetAsync(user, link, cancellationToken);
        logger.LogInformation("Password reset link sent to user {UserId}", user.Id);
        events.Write(context, LogTypes.PasswordResetRequested, "A password reset link was sent", user);
    }

    /// <summary>The user the link is for, or null when the link is invalid or has expired.</summary>
    public async Task<TenantUser?> VerifyAsync(string? userId, string? ticket) =>
        string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(ticket) || await users.FindByIdAsync(userId) is not { Blocked: false } user
            || !await ResetBrowser.TicketValidAsync(users, user, ticket)
            ? null
            : user;

    /// <summary>Runs password-reset-post-challenge. Returns a pass for the new-password form, the reason there is none, or where the flow sends the browser first.</summary>
    public async Task<ResetStep> ChallengeAsync(HttpContext context, TenantUser user, string ticket, CancellationToken cancellationToken) =>
        await NextAsync(context, user, ticket, await flows.RunAsync(TriggerId.PasswordResetPostChallenge, () => ChallengeEventAsync(context, user), cancellationToken), null, false);

    /// <summary>Back from a factor page or <c>/continue</c>: the parked reset's flow goes on from where it is.</summary>
    public Task<ResetStep> ContinueAsync(HttpContext context, string state, ParkedResetFinished parked, TenantUser user) =>
        NextAsync(context, user, parked.Reset.Ticket, parked.Result, state, parked.MfaDone);

    private async Task<ResetStep> NextAsync(HttpContext context, TenantUser user, string ticket, FlowExecutionResult? result, string? state, bool mfaDone)
    {
        if (result is not null)
        {
            (result, var step) = await challenge.NextAsync(context, result, user, ticket, state, mfaDone);
            var executionId = result.ExecutionId;
            if (step is { Refusal: { } refused })
                events.Write(context, LogTypes.PasswordChangeFailed, refused, user, executionId: executionId);
            if (step is not null)
                return step;
            switch (result.Status)
            {
                case FlowStatus.Denied:
                    events.Write(context, LogTypes.PasswordChangeFailed, result.Outcome.DenyReason ?? "Denied by an Action", user, executionId: executionId);
                    return new ResetStep(Refusal: result.Outcome.DenyReason ?? "You cannot reset this password.");
                case FlowStatus.Failed:
                    logger.LogWarning("Password-reset-post-challenge failed for {UserId} (execution {ExecutionId})", user.Id, executionId);
                    return new ResetStep(Refusal: "We could not reset your password right now. Please try again later.");
            }
        }
        return new ResetStep(Pass: Passes.Protect(PassFor(user, ticket) + "\n" + ResultUrlOf(result), ChallengeValidFor));
    }

    // transaction.setResultUrl: an absolute http(s) address only (never javascript: or a relative path); it rides in the pass.
    private string ResultUrlOf(FlowExecutionResult? result)
    {
        if (result?.Outcome.ResultUrl is not { } url)
            return "";
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            return uri.AbsoluteUri;
        logger.LogWarning("Ignored a password-reset result URL that is not an absolute http(s) address (execution {ExecutionId})", result.ExecutionId);
        return "";
    }

    /// <summary>
    /// Sets the new password if the pass is this user's and this link's. Returns the problems otherwise, or, when it
    /// worked, where the flow asked the user to go next (<c>transaction.setResultUrl</c>; null to stay).
    /// </summary>
    public async Task<(IReadOnlyList<string> Problems, string? ResultUrl)> CompleteAsync(HttpContext context, TenantUser user, string ticket, string? pass, string password)
    {
        if (PassedResultUrl(user, ticket, pass) is not { } resultUrl)
            return (["This reset page has expired. Open the link from the e-mail again."], null);
        var result = await users.ResetPasswordAsync(user, ticket, password);
        if (!result.Succeeded)
        {
            events.Write(context, LogTypes.PasswordChangeFailed, string.Join(" ", result.Errors.Select(e => e.Code)), user);
            return (result.Errors.Select(e => e.Code == "InvalidToken" ? "This link is invalid or has expired." : e.Description).Distinct().ToList(), null);
        }
        // Whoever held the old password keeps nothing: its refresh tokens end with it (the new stamp ends the sessions).
        await revocation.RevokeAsync(user.Id, "password reset", context.RequestAborted);
        // A reset proves control of the mailbox: it ends a brute-force lockout too.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("User {UserId} reset their password", user.Id);
        events.Write(context, LogTypes.PasswordChanged, "Password changed with a reset link", user);
        detached.Start(TriggerId.PostChangePassword, new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["user_id"] = user.Id, ["email"] = user.Email, ["email_verified"] = user.EmailConfirmed,
                ["last_password_reset"] = DateTimeOffset.UtcNow.ToString("O"),
                ["username"] = user.DatabaseUsername,
            },
            ["connection"] = EventParts.Connection(),
            ["request"] = EventParts.Request(context),
            ["tenant"] = EventParts.Tenant(),
        }.ToJsonString(), user.Id);
        return ([], resultUrl.Length == 0 ? null : resultUrl);
    }

    private async Task<string> ChallengeEventAsync(HttpContext context, TenantUser user) => new JsonObject
    {
        ["user"] = EventParts.User(user),
        ["authentication"] = new JsonObject { ["methods"] = new JsonArray(new JsonObject { ["name"] = "email", ["timestamp"] = DateTimeOffset.UtcNow.ToString("O") }) },
        ["authorization"] = new JsonObject { ["roles"] = JsonSerializer.SerializeToNode(await users.GetRolesAsync(user)) },
        ["connection"] = EventParts.Connection(),
        ["request"] = EventParts.Request(context),
        ["stats"] = new JsonObject { ["logins_count"] = user.LoginsCount },
        ["tenant"] = EventParts.Tenant(),
        ["transaction"] = new JsonObject { ["locale"] = "en", ["ui_locales"] = new JsonArray() },
    }.ToJsonString();

    // Bound to the user and to this link, so a pass cannot be replayed with another ticket.
    private static string PassFor(TenantUser user, string ticket) =>
        user.Id + "|" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ticket)));

    // The result URL the pass carries ("" for none), or null when the pass is not this user's and this link's.
    private string? PassedResultUrl(TenantUser user, string ticket, string? pass)
    {
        if (string.IsNullOrEmpty(pass))
            return null;
        try
        {
            var (bound, resultUrl) = Passes.Unprotect(pass).Split('\n', 2) is [var b, var r] ? (b, r) : ("", "");
            return bound == PassFor(user, ticket) ? resultUrl : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
