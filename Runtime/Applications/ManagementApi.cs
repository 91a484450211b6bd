using Flowgate.Runtime.Tenancy;

namespace Flowgate.Runtime.Applications;

/// <summary>
/// The built-in Management API (<c>/api/v2</c>). Its audience is <c>{issuer}api/v2/</c>, as on Auth0,
/// so it follows whatever host the server is reached at; the stored row keeps only the suffix.
/// </summary>
public static class ManagementApi
{
    /// <summary>The stored identifier of the system resource server.</summary>
    public const string IdentifierSuffix = "api/v2/";

    /// <summary>Every scope the Management API knows, in Auth0's names.</summary>
    public static readonly IReadOnlyList<string> Scopes =
    [
        .. Crud("actions"), .. Crud("users"), .. Crud("roles"), .. Crud("clients"),
        .. Crud("client_grants"), .. Crud("resource_servers"), .. Crud("connections"),
        "read:role_members", "create:role_members", "delete:role_members",
        "read:logs", "read:tenant_settings", "update:tenant_settings", "read:client_keys", "update:client_keys",
        "read:guardian_factors", "update:guardian_factors",
        "read:branding", "update:branding", "read:prompts", "update:prompts",
        "read:email_templates", "create:email_templates", "update:email_templates", "create:user_tickets",
    ];

    /// <summary>The name the Management API answers with, as on Auth0, so Auth0's tools recognise it as the system API.</summary>
    public const string Auth0Name = "Auth0 Management API";

    /// <summary>The Management API's audience for an issuer such as <c>http://localhost:5000/</c>.</summary>
    public static string AudienceFor(string issuer) => issuer.TrimEnd('/') + "/" + IdentifierSuffix;

    internal static ResourceServer CreateResourceServer(string tenantId) => new()
    {
        Id = "mgmt_" + tenantId,
        TenantId = tenantId,
        Name = "Flowgate Management API",
        Identifier = IdentifierSuffix,
        IsSystem = true,
        ScopesJson = ScopesJson(),
    };

    /// <summary>The system API's stored scopes; an install whose row predates a scope gets it on the next start.</summary>
    internal static string ScopesJson() => ResourceServerScope.Serialize(Scopes.Select(s => new ResourceServerScope(s, s)));

    private static IEnumerable<string> Crud(string resource) =>
        ["read:" + resource, "create:" + resource, "update:" + resource, "delete:" + resource];

    /// <summary>The id of the default tenant's system resource server.</summary>
    public static string ResourceServerId(string tenantId = Tenant.DefaultId) => "mgmt_" + tenantId;
}
