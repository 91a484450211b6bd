using Flowgate.Shared.Triggers;
using static Flowgate.Runtime.Triggers.ApiMethods;

namespace Flowgate.Runtime.Triggers;

/// <summary>credentials-exchange (v2): machine-to-machine token issuance (reference §1.3).</summary>
internal static class CredentialsExchangeTrigger
{
    public static TriggerDefinition Definition { get; } = new()
    {
        Id = TriggerId.CredentialsExchange,
        Version = "v2",
        DisplayName = "Machine to Machine",
        ExecuteHandler = "onExecuteCredentialsExchange",
        Blocking = true,
        ApiTypeName = "CredentialsExchangeAPI",
        EventFields =
        [
            new("accessToken", "{ customClaims: Record<string, unknown>; scope: string[] }", "The access token being issued."),
            EventFields.Client, EventFields.Organization,
            new("resource_server", "{ identifier: string }", "The API the token is for."),
            EventFields.Request,
            new("transaction", "{ requested_scopes: string[]; target_scopes?: string[]; correlation_id?: string }", "The token request."),
            EventFields.Tenant, EventFields.Secrets,
        ],
        Api =
        [
            Call("access.deny", "Deny the token request with an OAuth error code.", Api,
                Param("code", "'invalid_scope' | 'invalid_request' | 'server_error'", "The OAuth error code."),
                Param("reason", "string", "The error description."))
                with { Guard = "if (!['invalid_scope', 'invalid_request', 'server_error'].includes(code)) throw new TypeError('Invalid access.deny code: ' + code);" },
            Call("accessToken.setCustomClaim", "Set a custom claim on the access token.", Api,
                Param("name", "string", "The claim name."), Param("value", "unknown", "The claim value.")),
            Call("transaction.addTargetScope", "Add a scope to the token (intersected with the client grant).", "void", Param("scope", "string", "The scope.")),
            Call("transaction.removeTargetScope", "Remove a scope from the token.", "void", Param("scope", "string", "The scope.")),
            Call("transaction.setTargetScopes", "Replace the token's scopes.", "void", Param("scopes", "string[]", "The scopes.")),
            Call("transaction.clearTargetScopes", "Remove every scope from the token.", "void"),
            .. Cache,
        ],
    };
}
