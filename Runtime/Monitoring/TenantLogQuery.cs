using System.Text.RegularExpressions;
using Flowgate.Runtime.Actions;

namespace Flowgate.Runtime.Monitoring;

/// <summary>
/// The subset of Auth0's log search syntax Flowgate understands: <c>field:value</c> or
/// <c>field:"value"</c> terms joined by spaces or AND, on <c>type</c>, <c>user_id</c>, <c>client_id</c>
/// and <c>ip</c>. Anything else is refused with the reason, never silently ignored.
/// </summary>
public sealed partial record TenantLogQuery(string? Type = null, string? UserId = null, string? ClientId = null, string? Ip = null)
{
    public static TenantLogQuery Parse(string? q)
    {
        var query = new TenantLogQuery();
        if (string.IsNullOrWhiteSpace(q))
            return query;
        var rest = Term().Replace(q, match =>
        {
            var value = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["bare"].Value;
            query = match.Groups["field"].Value switch
            {
                "type" => query with { Type = value },
                "user_id" => query with { UserId = value },
                "client_id" => query with { ClientId = value },
                "ip" => query with { Ip = value },
                var other => throw new OperationRejectedException(RejectionKind.Invalid, $"Logs cannot be searched by '{other}'; use type, user_id, client_id or ip."),
            };
            return "";
        });
        if (rest.Replace("AND", "", StringComparison.Ordinal).Trim().Length > 0)
            throw new OperationRejectedException(RejectionKind.Invalid, $"The query '{q}' is not understood; use field:value terms, e.g. type:s AND user_id:\"auth0|123\".");
        return query;
    }

    [GeneratedRegex("""(?<field>[a-z_]+):(?:"(?<quoted>[^"]*)"|(?<bare>[^\s"]+))""")]
    private static partial Regex Term();
}
