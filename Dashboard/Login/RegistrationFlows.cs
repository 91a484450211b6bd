using System.Text.Json.Nodes;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Flows;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Monitoring;
using Flowgate.Runtime.Tenancy;
using Flowgate.Shared.Flows;
using Flowgate.Shared.Triggers;

namespace Flowgate.Dashboard.Login;

/// <summary>What pre-user-registration decided: the message to show when the signup is refused, and the metadata to store.</summary>
internal sealed record RegistrationDecision(string? UserMessage, FlowOutcome Outcome, string? ExecutionId = null);

/// <summary>
/// The signup triggers (reference §1.4–1.5): pre-user-registration runs before the user exists and can
/// refuse with a message for the user or add metadata; post-user-registration runs after, detached, so
/// it never delays or fails the signup.
/// </summary>
internal sealed class RegistrationFlows(
    TriggerRunner flows, TriggerRunner detached, ApplicationService applications, ILogger<RegistrationFlows> logger)
{
    public async Task<RegistrationDecision> BeforeAsync(HttpContext context, string email, string? username, string? clientId, CancellationToken cancellationToken)
    {
        var result = await flows.RunAsync(TriggerId.PreUserRegistration, () => EventAsync(context, email, username, clientId, cancellationToken), cancellationToken);
        if (result is null)
            return new RegistrationDecision(null, new FlowOutcome());
        var executionId = result.ExecutionId;
        var outcome = result.Outcome;
        switch (result.Status)
        {
            case FlowStatus.Failed:
                logger.LogWarning("Pre-user-registration failed for a signup (execution {ExecutionId})", executionId);
                return new RegistrationDecision("We could not create your account right now. Please try again later.", outcome, executionId);
            case FlowStatus.Denied:
                logger.LogInformation("Pre-user-registration refused a signup: {Reason}", outcome.ValidationError?.Code ?? outcome.DenyReason);
                return new RegistrationDecision(outcome.ValidationError?.Message ?? outcome.DenyDetail ?? "You cannot sign up.", outcome, executionId);
            default:
                return new RegistrationDecision(null, outcome, executionId);
        }
    }

    private async Task<string> EventAsync(HttpContext context, string email, string? username, string? clientId, CancellationToken cancellationToken)
    {
        var eventRequest = EventParts.Request(context);
        eventRequest["body"] = new JsonObject { ["email"] = email, ["connection"] = UserIds.DatabaseConnection };
        var user = new JsonObject { ["email"] = email, ["user_metadata"] = new JsonObject(), ["app_metadata"] = new JsonObject() };
        if (username is not null)
            eventRequest["body"]!["username"] = user["username"] = username;
        var root = new JsonObject
        {
            ["user"] = user,
            ["connection"] = EventParts.Connection(),
            ["request"] = eventRequest,
            ["tenant"] = EventParts.Tenant(),
        };
        if (clientId is not null)
            root["client"] = EventParts.Client(clientId, await applications.FindNameAsync(clientId, cancellationToken));
        return root.ToJsonString();
    }

    /// <summary>Starts post-user-registration for the new user and returns at once.</summary>
    public void After(HttpContext context, TenantUser user) =>
        detached.Start(TriggerId.PostUserRegistration, new JsonObject
        {
            ["user"] = EventParts.User(user),
            ["connection"] = EventParts.Connection(),
            ["request"] = EventParts.Request(context),
            ["tenant"] = EventParts.Tenant(),
        }.ToJsonString(), user.Id);
}
