using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Dashboard.Login;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Tenancy;
using Flowgate.Shared.Flows;
using Flowgate.Shared.Triggers;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Endpoints;

/// <summary>What the credentials-exchange flow decided: the scopes to issue and the claims to add, or the OAuth error.</summary>
internal sealed record CredentialsExchangeDecision(string[] Scopes, FlowOutcome Outcome, string? Error = null, string? ErrorDescription = null)
{
    public string? ExecutionId { get; init; }
}

/// <summary>
/// Runs the credentials-exchange (Machine to Machine) flow before an access token is issued (reference §1.3):
/// <c>access.deny(code, reason)</c> becomes that OAuth error, custom claims go into the access token, and
/// target-scope changes are intersected with the client grant.
/// </summary>
internal sealed class CredentialsExchangeFlow(TriggerRunner flows, IOpenIddictApplicationManager applications, CurrentTenant tenant)
{
    // Never handed to an Action: they authenticate the client.
    private static readonly HashSet<string> SecretParameters = [Parameters.ClientSecret, Parameters.ClientAssertion, "password"];

    public async Task<CredentialsExchangeDecision> RunAsync(HttpContext context, OpenIddictRequest request, string audience, string[] scopes, string[] granted, CancellationToken cancellationToken)
    {
        var result = await flows.RunAsync(TriggerId.CredentialsExchange,
            async () => Event(context, request, audience, scopes, await ClientNameAsync(request.ClientId!, cancellationToken)), cancellationToken);
        if (result is null)
            return new CredentialsExchangeDecision(scopes, new FlowOutcome());

        var outcome = result.Outcome;
        var decision = result.Status switch
        {
            FlowStatus.Failed => new CredentialsExchangeDecision([], outcome, Errors.ServerError,
                $"An Action in the Machine to Machine flow failed ({result.Error?.Name}). Its message and stack are in the tenant logs (execution {result.ExecutionId})."),
            FlowStatus.Denied => new CredentialsExchangeDecision([], outcome, outcome.DenyDetail ?? Errors.InvalidRequest, outcome.DenyReason ?? "Access denied."),
            _ => new CredentialsExchangeDecision(Issued(outcome, scopes, granted), outcome),
        };
        return decision with { ExecutionId = result.ExecutionId };
    }

    // OpenIddict read this client to authenticate the request: its cache for the request answers, no second query.
    private async Task<string?> ClientNameAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is FlowgateApplication application && application.TenantId == tenant.Id
            ? application.DisplayName : null;

    private static string[] Issued(FlowOutcome outcome, string[] scopes, string[] granted) =>
        [.. (outcome.TargetScopes ?? [.. scopes]).Union(outcome.ScopesAdded).Except(outcome.ScopesRemoved).Intersect(granted)];

    private static string Event(HttpContext context, OpenIddictRequest request, string audience, string[] scopes, string? clientName)
    {
        var body = request.GetParameters()
            .Where(p => !SecretParameters.Contains(p.Key))
            .ToDictionary(p => p.Key, p => p.Value.ToString());
        var eventRequest = EventParts.Request(context);
        eventRequest["body"] = JsonSerializer.SerializeToNode(body);
        return new JsonObject
        {
            ["accessToken"] = new JsonObject { ["customClaims"] = new JsonObject(), ["scope"] = JsonSerializer.SerializeToNode(scopes) },
            ["client"] = EventParts.Client(request.ClientId, clientName),
            ["resource_server"] = new JsonObject { ["identifier"] = audience },
            ["request"] = eventRequest,
            ["transaction"] = new JsonObject
            {
                ["requested_scopes"] = JsonSerializer.SerializeToNode(request.GetScopes().ToArray()),
                ["target_scopes"] = JsonSerializer.SerializeToNode(scopes),
            },
            ["tenant"] = EventParts.Tenant(),
        }.ToJsonString();
    }
}
