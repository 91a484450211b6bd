using Flowgate.Runtime.Flows;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Applications;
using Flowgate.Runtime.Identity;
using Flowgate.Shared.Flows;
using Flowgate.Shared.Triggers;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// login-post-identifier (reference §1.9): runs once the user has typed their identifier, before the
/// password is checked. Flowgate's login page asks both at once, so it runs on submit. An Action may deny,
/// or route to a connection; a tenant has one database connection, so routing anywhere else refuses the login.
/// </summary>
internal sealed class IdentifierFlow(
    TriggerRunner flows, ApplicationService applications, ILogger<IdentifierFlow> logger)
{
    /// <summary>Null when the login may go on; otherwise what to tell the user, with the execution that decided.</summary>
    public async Task<(string? Refusal, string? ExecutionId)> RunAsync(HttpContext context, string identifier, string? clientId, CancellationToken cancellationToken)
    {
        var result = await flows.RunAsync(TriggerId.LoginPostIdentifier, async () => new JsonObject
        {
            ["client"] = EventParts.Client(clientId, clientId is null ? null : await applications.FindNameAsync(clientId, cancellationToken)),
            ["initial_connection"] = EventParts.Connection(),
            ["request"] = EventParts.Request(context),
            ["tenant"] = EventParts.Tenant(),
            ["transaction"] = new JsonObject { ["identifier"] = identifier, ["locale"] = "en", ["ui_locales"] = new JsonArray() },
        }.ToJsonString(), cancellationToken);
        if (result is null)
            return (null, null);
        var executionId = result.ExecutionId;
        switch (result.Status)
        {
            case FlowStatus.Failed:
                logger.LogWarning("Login-post-identifier failed (execution {ExecutionId})", executionId);
                return ("We could not log you in right now. Please try again later.", executionId);
            case FlowStatus.Denied:
                return (result.Outcome.DenyReason ?? "You cannot log in.", executionId);
        }
        if (result.Outcome.Connection is { } connection && connection != UserIds.DatabaseConnection)
        {
            logger.LogWarning("Login-post-identifier chose the connection '{Connection}', which this tenant does not have (execution {ExecutionId})", connection, executionId);
            return ("This way of logging in is not available.", executionId);
        }
        return (null, executionId);
    }
}
