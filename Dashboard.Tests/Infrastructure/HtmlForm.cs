using System.Text.RegularExpressions;

namespace Flowgate.Tests.Infrastructure;

/// <summary>Posts a hosted page's form as a browser would: its hidden fields (antiforgery, handler) plus the typed ones.</summary>
internal static partial class HtmlForm
{
    /// <param name="formName">The form's handler name, for pages with several forms; the first form when null.</param>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, string path, IDictionary<string, string> fields, string? formName = null)
        => await PostAsync(http, path, await http.GetStringAsync(path), fields, formName);

    /// <summary>Posts a form of a page loaded earlier, the way a browser tab left open does (no fresh GET first).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string page, IDictionary<string, string> fields, string? formName = null)
    {
        var forms = page.Split("<form")[1..].Select(f => f.Split("</form>")[0]);
        // A page without a form is posted too (a forged post must be refused by the server, not by this helper).
        var html = forms.FirstOrDefault(f => formName is null || f.Contains($"name=\"_handler\" value=\"{formName}\""))
            ?? (formName is null ? page : throw new InvalidOperationException($"No form {formName} on {path}."));
        var form = HiddenInput().Matches(html).GroupBy(m => m.Groups["name"].Value)
            .ToDictionary(g => g.Key, g => System.Net.WebUtility.HtmlDecode(g.First().Groups["value"].Value));
        foreach (var (name, value) in fields)
            form[name] = value;
        return await http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
