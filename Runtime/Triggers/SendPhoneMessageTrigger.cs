using Flowgate.Shared.Triggers;

namespace Flowgate.Runtime.Triggers;

/// <summary>send-phone-message (v2): the Action delivers an MFA code by SMS or voice (reference §1.7).</summary>
internal static class SendPhoneMessageTrigger
{
    public static TriggerDefinition Definition { get; } = new()
    {
        Id = TriggerId.SendPhoneMessage,
        Version = "v2",
        DisplayName = "Send Phone Message",
        ExecuteHandler = "onExecuteSendPhoneMessage",
        Blocking = true,
        ApiTypeName = "SendPhoneMessageAPI",
        EventFields =
        [
            new("message_options", "MessageOptions", "The message to deliver: code, channel, recipient and full text."),
            EventFields.User(), EventFields.Client with { Optional = true }, EventFields.Request,
            new("transaction", "{ correlation_id?: string }", "The transaction.", Optional: true),
            EventFields.Tenant, EventFields.Secrets, EventFields.CustomDomain, EventFields.SecurityContext,
        ],
        Api = ApiMethods.Cache,
    };
}
