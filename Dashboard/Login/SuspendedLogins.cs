using System.Text.Json;
using Flowgate.Runtime.Flows.Parking;
using Flowgate.Runtime.Login;
using Flowgate.Shared.Flows;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// A login whose post-login flow sent the browser away (<c>api.redirect.sendUserTo</c>) or waits for a factor:
/// kept until the browser comes back to <c>/continue?state=...</c> or passes the factor on the hosted page,
/// then until <c>/authorize</c> picks up the result.
/// </summary>
/// <param name="State">Where the transaction stands: each page or endpoint that takes it up checks this, never which fields are set.</param>
/// <param name="ClientId">The application logging in; null for a password reset.</param>
/// <param name="AuthorizeUrl">The authorization request to finish, as a local URL (the login page for a password reset).</param>
/// <param name="Suspension">The flow to resume at <c>/continue</c>; null once it has finished.</param>
/// <param name="Finished">The flow's final result, for <c>/authorize</c> to apply.</param>
/// <param name="Mfa">The factor the login waits for; while set, neither <c>/continue</c> nor <c>/authorize</c> may go on.</param>
/// <param name="MfaDone">A factor was passed during this login, so later requests for one are satisfied.</param>
/// <param name="Reset">Set when this is a password reset's post-challenge flow rather than a login: no session, the link proves the user.</param>
/// <param name="RequestHash">The fingerprint of the authorization request the flow ran for; resuming with any other request is refused.</param>
/// <param name="StepUp">Not a login: the user's own factor page (<see cref="AuthorizeUrl"/>) asked them to pass a factor before changing factors.</param>
internal sealed record SuspendedLogin(
    LoginState State, string UserId, string? ClientId, string AuthorizeUrl, FlowSuspension? Suspension, FlowExecutionResult? Finished = null,
    MfaPrompt? Mfa = null, bool MfaDone = false, ParkedReset? Reset = null, string? RequestHash = null, bool StepUp = false)
{
    /// <summary>What the resume checks of <see cref="LoginTransaction"/> need; only a login has a client to resume.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ParkedFacts Facts => new(State, UserId, Reset is null && !StepUp ? ClientId : null, RequestHash);

    /// <summary>
    /// Where the finished flow is applied: the authorization request again, marked so <c>/authorize</c> applies this
    /// login's result; for a password reset, the new-password page; for a step-up, the factor page that asked.
    /// </summary>
    public string ResumeUrl(string state) => StepUp ? AuthorizeUrl : Reset is not null
        ? ResetChallenge.ResumeUrl(state)
        : AuthorizeUrl + (AuthorizeUrl.Contains('?') ? "&" : "?") + LoginUrls.ContinueMarker + "=" + state;
}

/// <summary>
/// Suspended logins, parked in the database for <see cref="Lifetime"/> (<see cref="ParkedTransactions"/>), so any
/// instance can resume one and a restart loses none. The state id is random and single-use at <c>/authorize</c>.
/// </summary>
internal sealed class SuspendedLogins(ParkedTransactions parked)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public Task<string> AddAsync(SuspendedLogin login, CancellationToken cancellationToken) =>
        parked.AddAsync(JsonSerializer.Serialize(login), Lifetime, cancellationToken);

    public Task PutAsync(string state, SuspendedLogin login, CancellationToken cancellationToken) =>
        parked.PutAsync(state, JsonSerializer.Serialize(login), Lifetime, cancellationToken);

    public async Task<SuspendedLogin?> FindAsync(string? state, CancellationToken cancellationToken) =>
        Read(await parked.FindAsync(state, cancellationToken));

    /// <summary>Finds and forgets: a finished login is applied once.</summary>
    public async Task<SuspendedLogin?> TakeAsync(string? state, CancellationToken cancellationToken) =>
        Read(await parked.TakeAsync(state, cancellationToken));

    private static SuspendedLogin? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<SuspendedLogin>(json);
}
