namespace Flowgate.Runtime.Branding;

/// <summary>
/// How the hosted pages look (Auth0's <c>/api/v2/branding</c>): colours are <c>#rgb</c>/<c>#rrggbb</c> and URLs are
/// https or a local path, checked by <see cref="BrandingRules"/> before they are stored, so a page may put them into
/// CSS and attributes as they are. Null means Flowgate's default.
/// </summary>
public sealed record TenantBranding
{
    public string? PrimaryColor { get; init; }
    public string? PageBackground { get; init; }
    public string? LogoUrl { get; init; }
    public string? FaviconUrl { get; init; }
    public string? FontUrl { get; init; }

    public static TenantBranding Default { get; } = new();
}
