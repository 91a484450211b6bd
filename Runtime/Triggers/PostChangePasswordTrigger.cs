using Flowgate.Shared.Triggers;

namespace Flowgate.Runtime.Triggers;

/// <summary>post-change-password (v2, asynchronous): after a password change (reference §1.6).</summary>
internal static class PostChangePasswordTrigger
{
    public static TriggerDefinition Definition { get; } = new()
    {
        Id = TriggerId.PostChangePassword,
        Version = "v2",
        DisplayName = "Post Change Password",
        ExecuteHandler = "onExecutePostChangePassword",
        Blocking = false,
        ApiTypeName = "PostChangePasswordAPI",
        EventFields =
        [
            EventFields.User("PasswordChangeUser"), EventFields.Connection, EventFields.Request,
            new("transaction", "{ correlation_id?: string }", "The transaction.", Optional: true),
            EventFields.Tenant, EventFields.Secrets, EventFields.CustomDomain,
        ],
        Api = ApiMethods.Cache,
    };
}
