using System.Security.Cryptography;
using Flowgate.Shared.Flows;
using Microsoft.Extensions.Caching.Memory;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// A login whose post-login flow sent the browser away (<c>api.redirect.sendUserTo</c>) or waits for a factor:
/// kept until the browser comes back to <c>/continue?state=...</c> or passes the factor on the hosted page,
/// then until <c>/authorize</c> picks up the result.
/// </summary>
/// <param name="ClientId">The application logging in; null for a password reset.</param>
/// <param name="AuthorizeUrl">The authorization request to finish, as a local URL (the login page for a password reset).</param>
/// <param name="Suspension">The flow to resume at <c>/continue</c>; null once it has finished.</param>
/// <param name="Finished">The flow's final result, for <c>/authorize</c> to apply.</param>
/// <param name="Mfa">The factor the login waits for; while set, neither <c>/continue</c> nor <c>/authorize</c> may go on.</param>
/// <param name="MfaDone">A factor was passed during this login, so later requests for one are satisfied.</param>
/// <param name="Reset">Set when this is a password reset's post-challenge flow rather than a login: no session, the link proves the user.</param>
internal sealed record SuspendedLogin(
    string UserId, string? ClientId, string AuthorizeUrl, FlowSuspension? Suspension, FlowExecutionResult? Finished = null,
    Mfa.MfaPrompt? Mfa = null, bool MfaDone = false, ParkedReset? Reset = null)
{
    /// <summary>
    /// Where the finished flow is applied: the authorization request again, marked so <c>/authorize</c> applies this
    /// login's result; for a password reset, the new-password page.
    /// </summary>
    public string ResumeUrl(string state) => Reset is not null
        ? ResetChallenge.ResumeUrl(state)
        : AuthorizeUrl + (AuthorizeUrl.Contains('?') ? "&" : "?") + Endpoints.AuthorizationEndpoint.ContinueMarker + "=" + state;
}

/// <summary>
/// Suspended logins in this process's memory, for <see cref="Lifetime"/>. The state id is random and
/// single-use at <c>/authorize</c>. Several instances behind a load balancer need sticky sessions.
/// </summary>
internal sealed class SuspendedLogins(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public string Add(SuspendedLogin login)
    {
        var state = RandomNumberGenerator.GetHexString(32, lowercase: true);
        Put(state, login);
        return state;
    }

    public void Put(string state, SuspendedLogin login) => cache.Set(Key(state), login, Lifetime);

    public SuspendedLogin? Find(string? state) =>
        !string.IsNullOrEmpty(state) && cache.TryGetValue(Key(state), out SuspendedLogin? login) ? login : null;

    /// <summary>Finds and forgets: a finished login is applied once.</summary>
    public SuspendedLogin? Take(string? state)
    {
        var login = Find(state);
        if (login is not null)
            cache.Remove(Key(state!));
        return login;
    }

    private static string Key(string state) => "flowgate:suspended-login:" + state;
}
