using Flowgate.Shared.Triggers;
using static Flowgate.Runtime.Triggers.ApiMethods;

namespace Flowgate.Runtime.Triggers;

/// <summary>login-post-identifier (v1, beta and undocumented; shape inferred, reference §1.9): routes an identified user to a connection.</summary>
internal static class LoginPostIdentifierTrigger
{
    public static TriggerDefinition Definition { get; } = new()
    {
        Id = TriggerId.LoginPostIdentifier,
        Version = "v1",
        DisplayName = "Login / Post Identifier",
        ExecuteHandler = "onExecutePostIdentifier",
        Blocking = true,
        ApiTypeName = "PostIdentifierAPI",
        EventFields =
        [
            EventFields.Client,
            new("initial_connection", "Connection", "The connection the login started with."),
            new("initial_organization", "Organization", "The organization the login started with.", Optional: true),
            EventFields.Request, EventFields.Tenant,
            new("transaction", "Transaction & { identifier?: string }", "The login transaction; `identifier` is what the user typed."),
            EventFields.Secrets,
        ],
        Api =
        [
            Call("authentication.setConnectionByName", "Continue the login with the named connection.", "void",
                Param("name", "string", "The connection name.")) with { Guard = RequireString("name") },
            Call("authentication.setOrganization", "Continue the login in this organization.", "void",
                Param("organization", "string", "The organization id or name.")),
            Call("setConnection", "Older beta form of `authentication.setConnectionByName`.", "void",
                Param("name", "string", "The connection name.")) with { Guard = RequireString("name") },
            Call("access.deny", "Deny the login.", Api, Param("reason", "string", "The reason.")),
            .. Cache,
        ],
    };
}
