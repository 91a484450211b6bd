using System.Security.Claims;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Tenancy;
using Flowgate.Shared.Flows;
using Flowgate.Shared.Triggers;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// Runs the post-login flow at <c>/authorize</c>, after the user is authenticated and before the code is
/// issued: a deny or a failure stops the login; a redirect sends the browser away until <c>/continue</c>;
/// custom claims go into the tokens; metadata is written once, when the flow has ended. Every run is
/// recorded (its id is on the result).
/// </summary>
internal sealed class PostLoginFlow(
    DeployedFlowLoader flows, FlowExecutor executor, ExecutionRecorder recorder, CurrentTenant tenant, UserManager<TenantUser> users, ILogger<PostLoginFlow> logger)
{
    /// <summary>Runs the bound Actions; null when none are bound.</summary>
    public async Task<FlowExecutionResult?> ExecuteAsync(string eventJson, CancellationToken cancellationToken)
    {
        var actions = await flows.LoadAsync(TriggerId.PostLogin, cancellationToken);
        if (actions.Count == 0)
            return null;
        var request = new FlowExecutionRequest { TenantId = tenant.Id, TriggerId = TriggerId.PostLogin, EventJson = eventJson, Actions = actions };
        return Recorded(request, await executor.ExecuteAsync(request, cancellationToken));
    }

    /// <summary>
    /// Resumes after <c>/continue</c>: the suspending Action's <c>onContinuePostLogin</c>, then the rest. A parked
    /// password reset resumes here too (its trigger's <c>onContinuePostChallenge</c>).
    /// </summary>
    public async Task<FlowExecutionResult> ResumeAsync(FlowSuspension suspension, string eventChangesJson, CancellationToken cancellationToken) =>
        Recorded(suspension.Request, await executor.ResumeAsync(suspension, eventChangesJson, cancellationToken));

    /// <summary>Goes on after a passed factor challenge, at the Action after the one that asked (recorded like every run).</summary>
    public async Task<FlowExecutionResult> ResumeAfterChallengeAsync(FlowSuspension suspension, string? eventChangesJson, CancellationToken cancellationToken) =>
        Recorded(suspension.Request, await executor.ResumeAfterChallengeAsync(suspension, eventChangesJson, cancellationToken));

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
        switch (result.Status)
        {
            case FlowStatus.Failed:
                // The message and stack stay in the tenant logs (secrets redacted): they may hold what the app must not see.
                return $"An Action in the login flow failed ({result.Error?.Name}). Its message and stack are in the tenant logs (execution {result.ExecutionId}).";
            case FlowStatus.Denied:
                return result.Outcome.DenyReason ?? result.Outcome.ValidationError?.ToString() ?? "Access denied.";
            case FlowStatus.Suspended:
                return "This login flow needs a custom prompt (prompt.render), which is not available yet.";
        }
        ActionClaims.Add(identity, result.Outcome);
        // accessToken.addScope / removeScope change what the access token grants.
        identity.SetScopes(identity.GetScopes().Union(result.Outcome.ScopesAdded).Except(result.Outcome.ScopesRemoved));
        return null;
    }

    /// <summary>Saves the metadata written so far: Auth0 flushes it before a redirect.</summary>
    public Task FlushMetadataAsync(FlowExecutionResult result, TenantUser user) => SaveMetadataAsync(user, result.Outcome);

    private FlowExecutionResult Recorded(FlowExecutionRequest request, FlowExecutionResult result)
    {
        var executionId = recorder.Record(request, result);
        if (result.Status != FlowStatus.Completed)
            logger.LogInformation("{Trigger} flow ended {Status} (execution {ExecutionId})", request.TriggerId, result.Status, executionId);
        return result with { ExecutionId = executionId };
    }

    private async Task SaveMetadataAsync(TenantUser user, FlowOutcome outcome)
    {
        if (!MetadataChanges.Any(outcome))
            return;
        MetadataChanges.ApplyTo(user, outcome);
        user.UpdatedAt = DateTimeOffset.UtcNow;
        await users.UpdateAsync(user);
    }
}
