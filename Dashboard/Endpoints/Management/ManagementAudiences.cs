using System.Net;
using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// The Management API's audience is stored as <see cref="ManagementApi.IdentifierSuffix"/> and shown as
/// <c>{issuer}api/v2/</c>; other APIs' identifiers are shown as stored.
/// </summary>
internal static class ManagementAudiences
{
    public static string Shown(string stored, string issuer) =>
        stored == ManagementApi.IdentifierSuffix ? ManagementApi.AudienceFor(issuer) : stored;

    public static string Stored(string audience, string issuer) =>
        audience == ManagementApi.AudienceFor(issuer) ? ManagementApi.IdentifierSuffix : audience;

    /// <summary>
    /// Whether an identifier is a spelling of the Management API's audience: any scheme, case or port, with or without
    /// the trailing slash, on the issuer's host or a loopback name (which reach this server too), or the bare suffix.
    /// An API by that name would receive tokens a resource server could mistake for Management API tokens.
    /// </summary>
    public static bool Reserved(string identifier, string issuer)
    {
        var trimmed = identifier.Trim();
        if (IsManagementPath(trimmed) || IsManagementPath("/" + trimmed))
            return true;
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return false;
        var host = uri.IdnHost;
        var ours = string.Equals(host, new Uri(issuer).IdnHost, StringComparison.OrdinalIgnoreCase)
            || uri.IsLoopback || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        return ours && IsManagementPath(Uri.UnescapeDataString(uri.AbsolutePath));
    }

    // Routing ignores case and one trailing slash, so /API/V2 reaches the Management API as well.
    private static bool IsManagementPath(string path) =>
        string.Equals(path.TrimEnd('/'), "/" + ManagementApi.IdentifierSuffix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
