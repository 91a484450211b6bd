using System.Globalization;

namespace Flowgate.Dashboard.Components.Layout;

/// <summary>
/// The one way the dashboard writes a moment: in UTC, saying so. The server renders the page and does not know the
/// reader's zone, and the logs, the API and the database all speak UTC.
/// </summary>
internal static class Timestamp
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? value, string none) => value is { } moment ? Format(moment) : none;
}
