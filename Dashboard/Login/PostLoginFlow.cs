using System.Security.Claims;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Login;
using Flowgate.Shared.Flows;
using Flowgate.Shared.Triggers;
using OpenIddict.Abstractions;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// What a post-login flow's result does to the login (the flow itself runs through <see cref="TriggerRunner"/>): a
/// deny or a failure stops it; custom claims and scope changes go into the tokens; metadata is written once, when
/// the flow has ended (or before a redirect, as Auth0 does).
/// </summary>
internal sealed class PostLoginFlow(TriggerRunner triggers, LoginUserWrites writes)
{
    /// <summary>
    /// Runs the bound Actions on the event <paramref name="buildEvent"/> makes; null when none are bound. The event is built
    /// only when Actions are bound: it reads the user's factors, and serializing it was a measurable part of every login.
    /// </summary>
    public Task<FlowExecutionResult?> ExecuteAsync(Func<Task<string>> buildEvent, CancellationToken cancellationToken) =>
        triggers.RunAsync(TriggerId.PostLogin, buildEvent, cancellationToken);

    /// <summary>The redirect that suspended the flow, if that is how it stopped.</summary>
    public static string? RedirectOf(FlowExecutionResult result) =>
        result is { Status: FlowStatus.Suspended, Suspension: not null, Outcome.RedirectUrl: { } url } ? url : null;

    /// <summary>
    /// Applies a finished flow to the login: saves its metadata writes (even on a deny, as Auth0 does) and
    /// adds its claims. Returns null when the login may go on; otherwise the reason it may not.
    /// </summary>
    public async Task<string?> ApplyAsync(FlowExecutionResult result, TenantUser user, ClaimsIdentity identity)
    {
        await SaveMetadataAsync(user, result.Outcome);
        if (FlowVerdict.Refusal(result) is { } refusal)
            return refusal;
        ActionClaims.Add(identity, result.Outcome);
        identity.SetScopes(FlowVerdict.Scopes(identity.GetScopes(), result.Outcome));
        return null;
    }

    /// <summary>Saves the metadata written so far: Auth0 flushes it before a redirect.</summary>
    public Task FlushMetadataAsync(FlowExecutionResult result, TenantUser user) => SaveMetadataAsync(user, result.Outcome);

    // One conditional UPDATE: concurrent logins of one account write their metadata without conflicting.
    private Task SaveMetadataAsync(TenantUser user, FlowOutcome outcome) => writes.SaveMetadataAsync(user, outcome, CancellationToken.None);
}
