using System.Text.Json.Nodes;
using Flowgate.Runtime.Store;
using Flowgate.Runtime.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Mfa;

/// <summary>
/// Which factors the tenant offers (Auth0's Security → Multi-factor Auth), kept in the tenant's settings
/// as <c>{"mfa": {"factors": {"phone": false}}}</c>. A factor not mentioned is enabled: every factor is
/// on until an administrator turns it off, and a factor added later starts on as well.
/// </summary>
public sealed class MfaSettings(IDbContextFactory<FlowgateDbContext> contexts, CurrentTenant tenant, ILogger<MfaSettings> logger)
{
    /// <summary>The enabled factor types, in <see cref="MfaFactorType.All"/>'s order.</summary>
    public async Task<IReadOnlyList<string>> EnabledAsync(CancellationToken cancellationToken)
    {
        var factors = Factors(await SettingsAsync(cancellationToken));
        return [.. MfaFactorType.All.Select(f => f.Type).Where(type => factors?[type]?.GetValue<bool>() != false)];
    }

    public async Task SetEnabledAsync(string type, bool enabled, CancellationToken cancellationToken)
    {
        if (MfaFactorType.All.All(f => f.Type != type))
            throw new ArgumentException($"Unknown factor type '{type}'.", nameof(type));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Tenants.SingleAsync(t => t.Id == tenant.Id, cancellationToken);
        var settings = JsonNode.Parse(row.SettingsJson) as JsonObject ?? [];
        var mfa = settings["mfa"] as JsonObject ?? [];
        settings["mfa"] = mfa;
        var factors = mfa["factors"] as JsonObject ?? [];
        mfa["factors"] = factors;
        factors[type] = enabled;
        row.SettingsJson = settings.ToJsonString();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("MFA factor {FactorType} {State} for tenant {TenantId}", type, enabled ? "enabled" : "disabled", tenant.Id);
    }

    private async Task<JsonObject?> SettingsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant.Id).Select(t => t.SettingsJson).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonNode.Parse(json) as JsonObject;
    }

    private static JsonObject? Factors(JsonObject? settings) => settings?["mfa"]?["factors"] as JsonObject;
}
