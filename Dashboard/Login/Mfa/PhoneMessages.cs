using Flowgate.Runtime.Flows;
using System.Text.Json.Nodes;
using Flowgate.Dashboard.Components.Login.Mfa;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Flowgate.Runtime.Mfa;
using Flowgate.Shared.Flows;
using Flowgate.Shared.Triggers;

namespace Flowgate.Dashboard.Login.Mfa;

/// <summary>
/// Delivers a phone code through the tenant's send-phone-message flow (reference §1.7), recorded like every
/// execution. With no Action bound, the development provider puts the message in the tenant logs, where
/// an administrator reads the code: nothing leaves the machine until an Action delivers for real. In
/// Production it is off unless <c>Mfa:DevelopmentSmsProvider</c> says otherwise (logs are shipped and kept for
/// days; live codes must not be in them), so an unbound trigger fails the delivery with a log event that says what to do.
/// </summary>
internal sealed class PhoneMessages(TriggerRunner flows, ApplicationService applications, LoginEvents events, IHostEnvironment environment, IConfiguration configuration, ILogger<PhoneMessages> logger)
{
    /// <summary>Delivers a newly issued code; returns what to tell the user when none went out, null when one is on its way or still good.</summary>
    public async Task<string?> DeliverAsync(HttpContext context, TenantUser user, string? clientId, PhoneCodeIssue issue, bool enrollment) => issue.Status switch
    {
        PhoneCodeStatus.Issued => await SendAsync(context, user, clientId, issue, enrollment) ? null : MfaMessages.NotSent,
        PhoneCodeStatus.StillValid => null,
        _ => MfaMessages.NotIssued(issue),
    };

    /// <summary>Sends the issued code; false when the flow failed (the user is told to try again).</summary>
    private async Task<bool> SendAsync(HttpContext context, TenantUser user, string? clientId, PhoneCodeIssue issue, bool enrollment)
    {
        var text = enrollment
            ? $"{issue.Code} is your verification code. Please enter this code to verify your enrollment."
            : $"{issue.Code} is your verification code.";
        var result = await flows.RunAsync(TriggerId.SendPhoneMessage, async () => new JsonObject
        {
            ["message_options"] = new JsonObject
            {
                ["action"] = enrollment ? "enrollment" : "second-factor-authentication",
                ["code"] = issue.Code, ["message_type"] = "sms", ["recipient"] = issue.Recipient, ["text"] = text,
            },
            ["user"] = EventParts.User(user),
            ["client"] = EventParts.Client(clientId, clientId is null ? null : await applications.FindNameAsync(clientId, context.RequestAborted)),
            ["request"] = EventParts.Request(context),
            ["transaction"] = new JsonObject { ["correlation_id"] = context.TraceIdentifier },
            ["tenant"] = EventParts.Tenant(),
        }.ToJsonString(), context.RequestAborted);

        if (result is null && !(configuration.GetValue<bool?>("Mfa:DevelopmentSmsProvider") ?? !environment.IsProduction()))
        {
            events.Write(context, LogTypes.MfaSmsFailed,
                $"No SMS provider: bind an Action to the send-phone-message trigger to deliver codes to {issue.MaskedRecipient}.", user, clientId: clientId);
            return false;
        }
        if (result is null)
        {
            events.Write(context, LogTypes.MfaSmsSent,
                $"Development SMS provider (no send-phone-message Action is bound) to {issue.MaskedRecipient}: {text}", user, clientId: clientId);
            return true;
        }
        if (result.Status == FlowStatus.Completed)
        {
            events.Write(context, LogTypes.MfaSmsSent, $"SMS to {issue.MaskedRecipient} sent by the send-phone-message flow", user,
                clientId: clientId, executionId: result.ExecutionId);
            return true;
        }
        logger.LogWarning("The send-phone-message flow ended {Status} for user {UserId} (execution {ExecutionId})", result.Status, user.Id, result.ExecutionId);
        events.Write(context, LogTypes.MfaSmsFailed, $"The send-phone-message flow did not deliver the SMS to {issue.MaskedRecipient} ({result.Status}); see its execution.",
            user, clientId: clientId, executionId: result.ExecutionId);
        return false;
    }
}
