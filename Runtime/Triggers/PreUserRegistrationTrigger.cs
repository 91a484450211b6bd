using Flowgate.Shared.Triggers;
using static Flowgate.Runtime.Triggers.ApiMethods;

namespace Flowgate.Runtime.Triggers;

/// <summary>pre-user-registration (v2): before a database or passwordless user is created (reference §1.4).</summary>
internal static class PreUserRegistrationTrigger
{
    public static TriggerDefinition Definition { get; } = new()
    {
        Id = TriggerId.PreUserRegistration,
        Version = "v2",
        DisplayName = "Pre User Registration",
        ExecuteHandler = "onExecutePreUserRegistration",
        Blocking = true,
        ApiTypeName = "PreUserRegistrationAPI",
        EventFields =
        [
            EventFields.User("NewUser"), EventFields.Client with { Optional = true }, EventFields.Connection, EventFields.Request,
            EventFields.Transaction(), EventFields.Tenant, EventFields.Secrets, EventFields.CustomDomain, EventFields.SecurityContext,
        ],
        Api =
        [
            Call("access.deny", "Deny the signup. The reason goes to the tenant logs, the message is shown to the user.", Api,
                Param("reason", "string", "The reason, for the logs."), Param("userMessage", "string", "The message shown to the user.")),
            .. UserMetadata,
            ValidationError,
            .. Cache,
        ],
    };
}
