using System.Net;
using System.Text.RegularExpressions;

namespace Flowgate.Runtime.Email.Templates;

/// <summary>
/// The plain-text part of a templated mail, derived from its HTML: tags dropped, links kept on a line of their own
/// (a mail reader without HTML still shows where to go), entities decoded.
/// </summary>
public static partial class MailText
{
    public static string FromHtml(string html)
    {
        string text;
        try
        {
            text = Link().Replace(html, m => $"{m.Groups["text"].Value}\n{WebUtility.HtmlDecode(m.Groups["href"].Value)}\n");
        }
        catch (RegexMatchTimeoutException)
        {
            text = html; // an administrator's pathological markup: the text part loses its links, the HTML part keeps them
        }
        text = Break().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    [GeneratedRegex("""<a\s[^>]*href\s*=\s*["'](?<href>[^"']*)["'][^>]*>(?<text>.*?)</a>""", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Link();

    [GeneratedRegex(@"<(br|/p|/div|/h\d|/li|/tr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex("<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
