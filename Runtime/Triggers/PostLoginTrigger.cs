using Flowgate.Shared.Triggers;

namespace Flowgate.Runtime.Triggers;

/// <summary>post-login (v3): after authentication, before tokens are issued (reference §1.2).</summary>
internal static class PostLoginTrigger
{
    public static TriggerDefinition Definition { get; } = new()
    {
        Id = TriggerId.PostLogin,
        Version = "v3",
        DisplayName = "Login / Post Login",
        ExecuteHandler = "onExecutePostLogin",
        ContinueHandler = "onContinuePostLogin",
        Blocking = true,
        ApiTypeName = "PostLoginAPI",
        EventFields =
        [
            EventFields.User(), EventFields.Client, EventFields.Connection, EventFields.Request, EventFields.Tenant,
            EventFields.Stats, EventFields.Secrets, EventFields.Transaction(), EventFields.Authorization, EventFields.Organization,
            new("resource_server", "{ identifier: string }", "The API (audience) the access token is for.", Optional: true),
            new("authentication", "Authentication", "How the user authenticated in this transaction.", Optional: true),
            new("session", "Session", "The session of the login.", Optional: true),
            EventFields.Prompt, EventFields.CustomDomain, EventFields.SecurityContext,
            new("refresh_token", "Record<string, unknown>", "The refresh token being exchanged (refresh token grant).", Optional: true),
        ],
        Api = PostLoginApi.Methods,
    };
}
