using Flowgate.Runtime.Applications;

namespace Flowgate.Dashboard.Components.Pages.Apis;

/// <summary>An API's RBAC settings as the dashboard edits them (Auth0's enforce_policies, token_dialect, allow_offline_access).</summary>
internal sealed class ApiRbacForm
{
    public bool EnforcePolicies { get; set; }
    /// <summary>Token dialect <c>access_token_authz</c>: the access token carries a <c>permissions</c> array.</summary>
    public bool AddPermissions { get; set; }
    public bool AllowOfflineAccess { get; set; }

    public static ApiRbacForm From(ResourceServer api) => new()
    {
        EnforcePolicies = api.EnforcePolicies,
        AddPermissions = api.TokenDialect == TokenDialects.AccessTokenAuthz,
        AllowOfflineAccess = api.AllowOfflineAccess,
    };

    // Auth0 adds permissions only with RBAC on; turning RBAC off returns the plain dialect.
    public ResourceServerSettings ToSettings() => new()
    {
        EnforcePolicies = EnforcePolicies,
        TokenDialect = EnforcePolicies && AddPermissions ? TokenDialects.AccessTokenAuthz : TokenDialects.AccessToken,
        AllowOfflineAccess = AllowOfflineAccess,
    };
}
