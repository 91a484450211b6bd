using System.Text.RegularExpressions;

namespace Flowgate.Runtime.Branding;

/// <summary>
/// What a branding value may be. The hosted pages write colours into a style element and URLs into attributes and the
/// content security policy: only a hex colour cannot end a CSS declaration, and only an https URL or a plain local path
/// cannot run script (<c>javascript:</c>) or reach the page's own origin in surprising ways (<c>//host</c>).
/// </summary>
public static partial class BrandingRules
{
    /// <summary>Null when <paramref name="value"/> is a hex colour; otherwise the reason.</summary>
    public static string? ColorProblem(string name, string value) =>
        HexColor().IsMatch(value) ? null : $"{name} must be a hex colour such as #0059d6 (got '{Shorten(value)}').";

    /// <summary>Null when <paramref name="value"/> is an https URL or a local path; otherwise the reason.</summary>
    public static string? UrlProblem(string name, string value)
    {
        if (value.Length > 2048)
            return $"{name} must be at most 2048 characters.";
        if (LocalPath().IsMatch(value))
            return null;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host)
               && uri.UserInfo.Length == 0 && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'' or '<' or '>' or '\\')
            ? null
            : $"{name} must be an https URL or a path on this server such as /logo.png (got '{Shorten(value)}').";
    }

    /// <summary>True when <paramref name="value"/> is a hex colour (checked again where it is written into CSS).</summary>
    public static bool IsColor(string? value) => value is not null && HexColor().IsMatch(value);

    /// <summary><paramref name="url"/> when it passes <see cref="UrlProblem"/>, else null (checked again where it is written into a page).</summary>
    public static string? Checked(string? url) => url is not null && UrlProblem("url", url) is null ? url : null;

    /// <summary>The scheme and host a URL loads from, for the content security policy; null for a local path.</summary>
    public static string? Origin(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri.GetLeftPart(UriPartial.Authority) : null;

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColor();

    // A path on this server: one leading slash, then only URL-safe characters (no //host, no backslash, no quotes).
    [GeneratedRegex("^/(?![/\\\\])[A-Za-z0-9/._~%?=&-]*$")]
    private static partial Regex LocalPath();
}
