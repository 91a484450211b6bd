using Flowgate.Runtime.Triggers;

namespace Flowgate.Runtime.Flows;

internal static partial class CommandEffects
{
    /// <summary>
    /// Recording api methods that change nothing in Flowgate yet, each with the reason: their commands are kept in the
    /// execution record (the test panel and the Logs show them) and have no other effect.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RecordedOnly = BuildRecordedOnly();

    private static Dictionary<string, string> BuildRecordedOnly()
    {
        var only = new Dictionary<string, string>
        {
            ["authentication.setOrganization"] = "Flowgate has no organizations.",
            ["session.setCookieMode"] = "The session cookie's lifetime is the tenant's; Actions do not change it (Auth0 Enterprise).",
        };
        var byPrefix = new (string Prefix, string Reason)[]
        {
            ("samlResponse.", "Flowgate issues no SAML responses."),
            ("session.set", "Session expiry and metadata are Auth0 Enterprise features Flowgate does not keep."),
            ("session.deleteMetadata", "Session metadata is not kept."),
            ("session.evictMetadata", "Session metadata is not kept."),
            ("refreshToken.set", "Refresh token expiry and metadata are Auth0 Enterprise features Flowgate does not keep."),
            ("refreshToken.deleteMetadata", "Refresh token metadata is not kept."),
            ("refreshToken.evictMetadata", "Refresh token metadata is not kept."),
        };
        foreach (var method in TriggerCatalog.All.SelectMany(t => t.Api).Where(m => m.Records))
        {
            if (!only.ContainsKey(method.Path) && byPrefix.FirstOrDefault(p => method.Path.StartsWith(p.Prefix, StringComparison.Ordinal)) is { Reason: { } reason })
                only[method.Path] = reason;
        }
        return only;
    }
}
