using System.Text;
using Flowgate.Runtime.Branding;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// The style element's content for the tenant's branding. It is written unencoded (a style element's text is not HTML),
/// so every value is checked again here, whatever the store holds: colours only as hex, the font URL only when
/// <see cref="BrandingRules"/> accepts it and with every character that could end the CSS string or the element escaped.
/// </summary>
internal static class BrandingCss
{
    public static string? For(TenantBranding branding)
    {
        var css = new StringBuilder();
        var variables = new StringBuilder();
        if (BrandingRules.IsColor(branding.PrimaryColor))
            variables.Append("--brand-primary:").Append(branding.PrimaryColor).Append(';');
        if (BrandingRules.IsColor(branding.PageBackground))
            variables.Append("--brand-background:").Append(branding.PageBackground).Append(';');
        if (BrandingRules.Checked(branding.FontUrl) is { } font)
        {
            css.Append("@font-face{font-family:\"Flowgate Brand\";src:url(\"").Append(Escape(font)).Append("\")}");
            variables.Append("font-family:\"Flowgate Brand\",system-ui,sans-serif;");
        }
        if (variables.Length > 0)
            css.Append(".hosted-page{").Append(variables).Append('}');
        return css.Length == 0 ? null : css.ToString();
    }

    // Percent-encodes what a URL may legally carry but CSS or HTML must not see raw.
    private static string Escape(string url)
    {
        // An absolute URL's own form percent-encodes anything outside ASCII; a local path is ASCII already.
        var ascii = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : url;
        var escaped = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
            escaped.Append(c is '"' or '\'' or '\\' or '<' or '>' or '(' or ')' or ';' or '{' or '}' || char.IsWhiteSpace(c) || char.IsControl(c) || c > '~'
                ? Uri.HexEscape(c > '\u00ff' ? '?' : c) : c.ToString());
        return escaped.ToString();
    }
}
