using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flowgate.Dashboard.Login;

namespace Flowgate.Dashboard.Connections;

/// <summary><c>event.connection</c>: the connection the session's user logged in with (the database connection for a password or passkey).</summary>
internal sealed class ConnectionEvent(ConnectionSchemes schemes)
{
    public JsonObject Of(ClaimsPrincipal session)
    {
        var id = session.FindFirst(ConnectionSignIn.ConnectionClaim)?.Value;
        if (id is null || schemes.All.FirstOrDefault(c => c.Details.Id == id)?.Details is not { } connection)
            return EventParts.Connection();
        return new JsonObject
        {
            ["id"] = connection.Id, ["name"] = connection.Name, ["strategy"] = connection.Strategy,
            ["metadata"] = JsonSerializer.SerializeToNode(connection.Metadata),
        };
    }
}
