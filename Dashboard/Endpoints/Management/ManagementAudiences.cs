using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Endpoints.Management;

/// <summary>
/// The Management API's audience is stored as <see cref="ManagementApi.IdentifierSuffix"/> and shown as
/// <c>{issuer}api/v2/</c>, the host the caller reached; other APIs' identifiers are shown as stored.
/// </summary>
internal static class ManagementAudiences
{
    public static string Shown(string stored, string issuer) =>
        stored == ManagementApi.IdentifierSuffix ? ManagementApi.AudienceFor(issuer) : stored;

    public static string Stored(string audience, string issuer) =>
        audience == ManagementApi.AudienceFor(issuer) ? ManagementApi.IdentifierSuffix : audience;
}
