using System.Text.Json.Nodes;
using Flowgate.Runtime.Actions;
using Flowgate.Runtime.Tenancy;
using Microsoft.Extensions.Logging;

namespace Flowgate.Runtime.Branding;

/// <summary>
/// The tenant's branding, kept in its settings in Auth0's own shape
/// (<c>{"branding": {"colors": {"primary", "page_background"}, "logo_url", "favicon_url", "font": {"url"}}}</c>).
/// Every value is checked by <see cref="BrandingRules"/> on the way in.
/// </summary>
public sealed class BrandingSettings(TenantSettingsSection settings, ILogger<BrandingSettings> logger)
{
    private const string Section = "branding";

    public async Task<TenantBranding> GetAsync(CancellationToken cancellationToken) =>
        FromJson(await settings.ReadAsync(Section, cancellationToken));

    /// <summary>The branding as the hosted pages show it: read at most <see cref="HostedPageReads.Lifetime"/> ago.</summary>
    public async Task<TenantBranding> GetRecentAsync(CancellationToken cancellationToken) =>
        FromJson(await settings.ReadRecentAsync(Section, cancellationToken));

    /// <summary>Stores <paramref name="branding"/> whole; refuses it (nothing stored) when a value breaks a rule.</summary>
    public async Task SetAsync(TenantBranding branding, CancellationToken cancellationToken)
    {
        if (Problems(branding).FirstOrDefault() is { } problem)
            throw new OperationRejectedException(RejectionKind.Invalid, problem);
        await settings.WriteAsync(Section, ToJson(branding), cancellationToken);
        logger.LogInformation("Branding changed");
    }

    /// <summary>Every rule <paramref name="branding"/> breaks, in Auth0's field names.</summary>
    public static IEnumerable<string> Problems(TenantBranding branding)
    {
        if (branding.PrimaryColor is { } primary && BrandingRules.ColorProblem("colors.primary", primary) is { } p1)
            yield return p1;
        if (branding.PageBackground is { } background && BrandingRules.ColorProblem("colors.page_background", background) is { } p2)
            yield return p2;
        foreach (var (name, url) in new[] { ("logo_url", branding.LogoUrl), ("favicon_url", branding.FaviconUrl), ("font.url", branding.FontUrl) })
            if (url is not null && BrandingRules.UrlProblem(name, url) is { } problem)
                yield return problem;
    }

    /// <summary>Auth0's answer to <c>GET /branding</c>: only what is set.</summary>
    public static JsonObject ToJson(TenantBranding branding)
    {
        var json = new JsonObject();
        var colors = new JsonObject();
        if (branding.PrimaryColor is not null)
            colors["primary"] = branding.PrimaryColor;
        if (branding.PageBackground is not null)
            colors["page_background"] = branding.PageBackground;
        if (colors.Count > 0)
            json["colors"] = colors;
        if (branding.LogoUrl is not null)
            json["logo_url"] = branding.LogoUrl;
        if (branding.FaviconUrl is not null)
            json["favicon_url"] = branding.FaviconUrl;
        if (branding.FontUrl is not null)
            json["font"] = new JsonObject { ["url"] = branding.FontUrl };
        return json;
    }

    public static TenantBranding FromJson(JsonObject? json) => json is null ? TenantBranding.Default : new()
    {
        PrimaryColor = Text(json["colors"]?["primary"]),
        PageBackground = Text(json["colors"]?["page_background"]),
        LogoUrl = Text(json["logo_url"]),
        FaviconUrl = Text(json["favicon_url"]),
        FontUrl = Text(json["font"]?["url"]),
    };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
