using Flowgate.Shared.Triggers;

namespace Flowgate.Runtime.Triggers;

/// <summary>post-user-registration (v2, asynchronous): after a user is created (reference §1.5).</summary>
internal static class PostUserRegistrationTrigger
{
    public static TriggerDefinition Definition { get; } = new()
    {
        Id = TriggerId.PostUserRegistration,
        Version = "v2",
        DisplayName = "Post User Registration",
        ExecuteHandler = "onExecutePostUserRegistration",
        Blocking = false,
        ApiTypeName = "PostUserRegistrationAPI",
        EventFields =
        [
            EventFields.User(), EventFields.Connection, EventFields.Request, EventFields.Transaction(), EventFields.Tenant,
            EventFields.Secrets, EventFields.CustomDomain, EventFields.SecurityContext,
        ],
        Api = ApiMethods.Cache,
    };
}
