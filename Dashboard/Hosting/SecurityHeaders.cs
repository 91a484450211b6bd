namespace Flowgate.Dashboard.Hosting;

/// <summary>
/// The headers every response carries: no framing (clickjacking a login or consent page), no MIME sniffing, no full
/// URLs (with their codes and tickets) in Referer to other sites, HSTS in Production, and a strict content security
/// policy on the hosted login pages, which run only Flowgate's own scripts.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IHostEnvironment environment)
{
    // Scripts only from this origin (webauthn.js, blazor.web.js). Styles allow inline attributes: MudBlazor writes
    // them, and a style cannot run code. No form-action: Chrome applies it to the redirect to the application's callback.
    // Images and fonts also from the one origin each of the tenant's logo, favicon and font (Branding), nothing wider.
    private static string HostedPagePolicy(Runtime.Branding.TenantBranding branding)
    {
        var images = string.Join("", new[] { branding.LogoUrl, branding.FaviconUrl }.Select(Runtime.Branding.BrandingRules.Origin).OfType<string>().Distinct().Select(o => " " + o));
        var fonts = Runtime.Branding.BrandingRules.Origin(branding.FontUrl) is { } font ? " " + font : "";
        return $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:{images}; font-src 'self'{fonts}; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
    }

    private const string EveryPagePolicy = "frame-ancestors 'none'";

    public async Task InvokeAsync(HttpContext context, Login.HostedBranding branding)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY"; // for browsers without frame-ancestors
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/u")
            ? HostedPagePolicy(await branding.GetAsync(context.RequestAborted)) : EveryPagePolicy;
        if (environment.IsProduction())
            headers.StrictTransportSecurity = "max-age=31536000"; // browsers ignore it on plain http, so it costs nothing there
        await next(context);
    }
}
