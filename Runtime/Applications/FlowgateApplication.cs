using OpenIddict.EntityFrameworkCore.Models;

namespace Flowgate.Runtime.Applications;

/// <summary>OpenIddict's application row, plus the tenant it belongs to and Auth0's application type.</summary>
public sealed class FlowgateApplication
    : OpenIddictEntityFrameworkCoreApplication<string, FlowgateAuthorization, FlowgateToken>
{
    public string TenantId { get; set; } = Tenancy.Tenant.DefaultId;
    /// <summary>Auth0's <c>app_type</c>: <c>spa</c>, <c>regular_web</c>, <c>native</c> or <c>non_interactive</c>.</summary>
    public string AppType { get; set; } = ApplicationTypes.RegularWeb;
    public string? Description { get; set; }
    /// <summary>Allowed web origins (CORS), JSON array.</summary>
    public string WebOriginsJson { get; set; } = "[]";
    /// <summary>Auth0's <c>allowed_origins</c>: further origins allowed to call the server from a browser (CORS), JSON array.</summary>
    public string AllowedOriginsJson { get; set; } = "[]";
    /// <summary>Auth0's <c>client_metadata</c>: string values an Action reads as <c>event.client.metadata</c>, JSON object.</summary>
    public string ClientMetadataJson { get; set; } = "{}";
    public bool IsFirstParty { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
