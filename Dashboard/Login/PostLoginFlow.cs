using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Tenancy;
using Flowgate.Shared.Flows;
using Flowgate.Shared.Triggers;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// Runs the post-login flow at <c>/authorize</c>, after the user is authenticated and before the code is
/// issued: a deny or a failure stops the login; custom claims go into the tokens; metadata is written once.
/// </summary>
internal sealed class PostLoginFlow(
    DeployedFlowLoader flows, FlowExecutor executor, ExecutionRecorder recorder, CurrentTenant tenant, UserManager<TenantUser> users, ILogger<PostLoginFlow> logger)
{
    /// <summary>Returns null when the login may go on; otherwise the reason it may not.</summary>
    public async Task<string?> RunAsync(string eventJson, TenantUser user, ClaimsIdentity identity, CancellationToken cancellationToken)
    {
        var actions = await flows.LoadAsync(TriggerId.PostLogin, cancellationToken);
        if (actions.Count == 0)
            return null;
        var request = new FlowExecutionRequest { TenantId = tenant.Id, TriggerId = TriggerId.PostLogin, EventJson = eventJson, Actions = actions };
        var result = await executor.ExecuteAsync(request, cancellationToken);
        var executionId = recorder.Record(request, result);
        if (result.Status != FlowStatus.Completed)
            logger.LogInformation("Post-login flow for {UserId} ended {Status} (execution {ExecutionId})", user.Id, result.Status, executionId);

        // Metadata writes are applied even when an Action denies (Auth0's semantics).
        await SaveMetadataAsync(user, result.Outcome);
        if (result.Status == FlowStatus.Failed)
            return $"An Action in the login flow failed: {result.Error?.Name}: {result.Error?.Message}";
        if (result.Status == FlowStatus.Denied)
            return result.Outcome.DenyReason ?? result.Outcome.ValidationError?.ToString() ?? "Access denied.";
        if (result.Status == FlowStatus.Suspended)
            return "This login flow needs a step (redirect, prompt or multi-factor challenge) that is not available yet.";

        AddClaims(identity, result.Outcome);
        return null;
    }

    // OpenIddict keeps destinations per claim type, so a claim set on both tokens is one claim with both
    // destinations (the ID token's value when the two differ).
    private static void AddClaims(ClaimsIdentity identity, FlowOutcome outcome)
    {
        foreach (var type in outcome.IdTokenClaims.Keys.Union(outcome.AccessTokenClaims.Keys))
        {
            var value = outcome.IdTokenClaims.TryGetValue(type, out var forId) ? forId : outcome.AccessTokenClaims[type];
            var destinations = new List<string>();
            if (outcome.IdTokenClaims.ContainsKey(type))
                destinations.Add(Destinations.IdentityToken);
            if (outcome.AccessTokenClaims.ContainsKey(type))
                destinations.Add(Destinations.AccessToken);
            var claim = value.ValueKind switch
            {
                JsonValueKind.String => new Claim(type, value.GetString()!),
                JsonValueKind.True or JsonValueKind.False => new Claim(type, value.GetRawText(), ClaimValueTypes.Boolean),
                JsonValueKind.Number => new Claim(type, value.GetRawText(), ClaimValueTypes.Double),
                _ => new Claim(type, value.GetRawText(), JsonClaimValueTypes.Json),
            };
            claim.SetDestinations(destinations);
            identity.AddClaim(claim);
        }
    }

    private async Task SaveMetadataAsync(TenantUser user, FlowOutcome outcome)
    {
        if (outcome.UserMetadata.Count == 0 && outcome.AppMetadata.Count == 0)
            return;
        user.UserMetadataJson = Merge(user.UserMetadataJson, outcome.UserMetadata);
        user.AppMetadataJson = Merge(user.AppMetadataJson, outcome.AppMetadata);
        user.UpdatedAt = DateTimeOffset.UtcNow;
        await users.UpdateAsync(user);
    }

    // null removes a key, anything else sets it.
    private static string Merge(string json, Dictionary<string, JsonElement?> changes)
    {
        var node = JsonNode.Parse(json)?.AsObject() ?? new JsonObject();
        foreach (var (key, value) in changes)
        {
            if (value is null || value.Value.ValueKind == JsonValueKind.Null)
                node.Remove(key);
            else
                node[key] = JsonNode.Parse(value.Value.GetRawText());
        }
        return node.ToJsonString();
    }
}
