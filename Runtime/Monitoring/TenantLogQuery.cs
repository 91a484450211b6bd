using System.Text.RegularExpressions;
using Flowgate.Runtime.Actions;

namespace Flowgate.Runtime.Monitoring;

/// <summary>
/// The subset of Auth0's log search syntax Flowgate understands: <c>field:value</c> or
/// <c>field:"value"</c> terms joined by spaces or AND, on <c>type</c>, <c>user_id</c>, <c>client_id</c>
/// and <c>ip</c>, and a time range <c>date:[from TO to]</c> (ISO 8601 dates or times, <c>*</c> for open).
/// Anything else is refused with the reason, never silently ignored.
/// </summary>
public sealed partial record TenantLogQuery(string? Type = null, string? UserId = null, string? ClientId = null, string? Ip = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    public static TenantLogQuery Parse(string? q)
    {
        var query = new TenantLogQuery();
        if (string.IsNullOrWhiteSpace(q))
            return query;
        var terms = DateRange().Replace(q, match =>
        {
            query = query with { From = Time(match.Groups["from"].Value, q), To = Time(match.Groups["to"].Value, q) };
            return "";
        });
        var rest = Term().Replace(terms, match =>
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

    private static DateTimeOffset? Time(string text, string q) =>
        text == "*" ? null
        : DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            // Stored times are UTC; SQLite compares their binary form, which keeps the offset apart.
            ? time.ToUniversalTime()
        : throw new OperationRejectedException(RejectionKind.Invalid, $"'{text}' in the query '{q}' is not a date; use ISO 8601, e.g. date:[2026-01-01 TO *].");

    [GeneratedRegex(@"date:\[(?<from>\S+) TO (?<to>\S+)\]")]
    private static partial Regex DateRange();

    [GeneratedRegex("""(?<field>[a-z_]+):(?:"(?<quoted>[^"]*)"|(?<bare>[^\s"]+))""")]
    private static partial Regex Term();
}
