using System.Security.Claims;
using Flowgate.Dashboard.Oidc;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Tenancy;
using Flowgate.Shared.Flows;
using Flowgate.Shared.Triggers;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// Runs the post-login flow at <c>/authorize</c>, after the user is authenticated and before the code is
/// issued: a deny or a failure stops the login; custom claims go into the tokens; metadata is written once.
/// </summary>
internal sealed class PostLoginFlow(DeployedFlowLoader flows, FlowExecutor executor, CurrentTenant tenant, UserManager<TenantUser> users)
{
    /// <summary>Returns null when the login may go on; otherwise the reason it may not.</summary>
    public async Task<string?> RunAsync(string eventJson, TenantUser user, ClaimsIdentity identity, CancellationToken cancellationToken)
    {
        var actions = await flows.LoadAsync(TriggerId.PostLogin, cancellationToken);
        if (actions.Count == 0)
            return null;
        var result = await executor.ExecuteAsync(new FlowExecutionRequest
        {
            TenantId = tenant.Id, TriggerId = TriggerId.PostLogin, EventJson = eventJson, Actions = actions,
        }, cancellationToken);

        // Metadata writes are applied even when an Action denies (Auth0's semantics).
        await SaveMetadataAsync(user, result.Outcome);
        if (result.Status == FlowStatus.Failed)
            return $"An Action in the login flow failed: {result.Error?.Name}: {result.Error?.Message}";
        if (result.Status == FlowStatus.Denied)
            return result.Outcome.DenyReason ?? result.Outcome.ValidationError?.ToString() ?? "Access denied.";
        if (result.Status == FlowStatus.Suspended)
            return "This login flow needs a step (redirect, prompt or multi-factor challenge) that is not available yet.";

        ActionClaims.Add(identity, result.Outcome);
        return null;
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
