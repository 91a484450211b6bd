using System.Text.Json.Nodes;
using Flowgate.Runtime.Store;
using Microsoft.EntityFrameworkCore;

namespace Flowgate.Runtime.Tenancy;

/// <summary>
/// One top-level section of the tenant's settings JSON (<see cref="Tenant.SettingsJson"/>), read and replaced whole, so
/// each feature (branding, prompts, password policy) keeps its own typed accessor over its own section.
/// </summary>
public sealed class TenantSettingsSection(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, HostedPageReads recent)
{
    /// <summary>The section's JSON, or null when the tenant never set it.</summary>
    public async Task<JsonObject?> ReadAsync(string section, CancellationToken cancellationToken) =>
        Parse(await ReadJsonAsync(section, cancellationToken));

    /// <summary>
    /// The section as read at most <see cref="HostedPageReads.Lifetime"/> ago, for what a hosted page displays (see
    /// <see cref="HostedPageReads"/>); never for a setting that guards something.
    /// </summary>
    public async Task<JsonObject?> ReadRecentAsync(string section, CancellationToken cancellationToken) =>
        Parse(await recent.GetAsync(tenant.Id, "settings:" + section, () => ReadJsonAsync(section, cancellationToken)));

    /// <summary>Replaces the section, leaving the others as they are.</summary>
    public async Task WriteAsync(string section, JsonObject value, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Tenants.SingleAsync(t => t.Id == tenant.Id, cancellationToken);
        var settings = JsonNode.Parse(row.SettingsJson) as JsonObject ?? [];
        settings[section] = value.DeepClone();
        row.SettingsJson = settings.ToJsonString();
        await db.SaveChangesAsync(cancellationToken);
        recent.Forget();
    }

    // The section alone, as a string: a cached copy cannot be changed by whoever reads it.
    private async Task<string?> ReadJsonAsync(string section, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant.Id).Select(t => t.SettingsJson).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : ((JsonNode.Parse(json) as JsonObject)?[section] as JsonObject)?.ToJsonString();
    }

    private static JsonObject? Parse(string? json) => json is null ? null : JsonNode.Parse(json) as JsonObject;
}
