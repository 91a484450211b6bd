using System.Text.RegularExpressions;

namespace Flowgate.Tests.Infrastructure;

/// <summary>Posts a server-rendered form the way a browser would: its hidden fields (antiforgery, handler) plus the user's input.</summary>
internal static partial class HtmlForm
{
    /// <param name="formName">On a page with several forms, the one to submit (its <c>FormName</c>).</param>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, string path, IDictionary<string, string> fields, string? formName = null)
        => await PostAsync(http, path, await http.GetStringAsync(path), fields, formName);

    /// <summary>Posts a form of a page loaded earlier, the way a browser tab left open does (no fresh GET first).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string page, IDictionary<string, string> fields, string? formName = null)
    {
        // Several forms on a page share the antiforgery token; each names its handler, which formName picks.
        var form = HiddenInput().Matches(page).GroupBy(m => m.Groups["name"].Value)
            .ToDictionary(g => g.Key, g => System.Net.WebUtility.HtmlDecode(g.First().Groups["value"].Value));
        foreach (var (name, value) in fields)
            form[name] = value;
        if (formName is not null)
            form["_handler"] = formName;
        return await http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
