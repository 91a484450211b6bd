using System.Text.RegularExpressions;

namespace Flowgate.Tests.Infrastructure;

/// <summary>Posts a server-rendered form the way a browser would: its hidden fields (antiforgery, handler) plus the user's input.</summary>
internal static partial class HtmlForm
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, string path, IDictionary<string, string> fields)
    {
        var page = await http.GetStringAsync(path);
        var form = HiddenInput().Matches(page).ToDictionary(m => m.Groups["name"].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
            form[name] = value;
        return await http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
