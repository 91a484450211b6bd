using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// What the end user's session cookie remembers about the session itself, so Actions see Auth0's
/// <c>event.session</c>: an id, and the device that opened it (the cookie is kept as issued, see
/// <see cref="EndUserSessionValidator"/>, so these stay those of the sign-in).
/// </summary>
internal static class LoginSessionClaims
{
    private const string Id = "flowgate_sid";
    private const string InitialIp = "flowgate_sip";
    private const string InitialUserAgent = "flowgate_sua";

    // A long user agent would only swell the cookie; Auth0 truncates what it shows too.
    private const int MaxUserAgent = 256;

    /// <summary>The claims a new session starts with.</summary>
    public static IEnumerable<Claim> Start(HttpContext context) =>
    [
        new(Id, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
        new(InitialIp, ClientIp(context)),
        new(InitialUserAgent, UserAgent(context)),
    ];

    /// <summary>The session's claims, to carry into a re-issued cookie (after a factor passes, the session goes on).</summary>
    public static IEnumerable<Claim> KeptFrom(ClaimsPrincipal session) =>
        session.Claims.Where(c => c.Type is Id or InitialIp or InitialUserAgent or Connections.ConnectionSignIn.ConnectionClaim).Select(c => new Claim(c.Type, c.Value));

    /// <summary><c>event.session</c> for a login at <c>/authorize</c>; null for a session from before these claims.</summary>
    public static JsonObject? ToEvent(ClaimsPrincipal session, HttpContext context, string userId, string? clientId, DateTimeOffset authenticatedAt, DateTimeOffset now)
    {
        if (session.FindFirst(Id)?.Value is not { } id)
            return null;
        return new JsonObject
        {
            ["id"] = id,
            ["user_id"] = userId,
            ["created_at"] = authenticatedAt.ToString("O"),
            ["authenticated_at"] = authenticatedAt.ToString("O"),
            ["updated_at"] = now.ToString("O"),
            ["last_interacted_at"] = now.ToString("O"),
            ["device"] = new JsonObject
            {
                ["initial_ip"] = session.FindFirst(InitialIp)?.Value,
                ["initial_user_agent"] = session.FindFirst(InitialUserAgent)?.Value,
                ["last_ip"] = ClientIp(context),
                ["last_user_agent"] = UserAgent(context),
            },
            ["clients"] = JsonSerializer.SerializeToNode(clientId is null ? Array.Empty<object>() : [new { client_id = clientId }]),
            ["metadata"] = new JsonObject(),
        };
    }

    private static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";

    private static string UserAgent(HttpContext context)
    {
        var agent = context.Request.Headers.UserAgent.ToString();
        return agent.Length > MaxUserAgent ? agent[..MaxUserAgent] : agent;
    }
}
