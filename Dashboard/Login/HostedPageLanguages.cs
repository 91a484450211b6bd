using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Flowgate.Dashboard.Login;

/// <summary>
/// The languages a hosted page is read in, most wanted first, as Auth0 picks them: the authorization request's
/// <c>ui_locales</c>, then the browser's Accept-Language, then English. A regional tag is followed by its language
/// (<c>fr-CA</c>, then <c>fr</c>) so texts set for the language serve every region.
/// </summary>
internal static partial class HostedPageLanguages
{
    private const int MaxLanguages = 12;

    public static IReadOnlyList<string> For(HttpContext context, string? returnUrl)
    {
        var query = HostedLoginReturnUrl.Safe(returnUrl).Split('?', 2) is [_, var q] ? QueryHelpers.ParseQuery(q) : [];
        var requested = $"{query.GetValueOrDefault("ui_locales")} {context.Request.Query["ui_locales"]}"
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var browser = context.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0).OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.ToString());
        var languages = new List<string>();
        foreach (var tag in requested.Concat(browser).Append("en"))
        {
            if (!Tag().IsMatch(tag))
                continue;
            var parts = tag.Split('-', 2);
            var language = parts[0].ToLowerInvariant();
            if (parts.Length == 2)
                languages.Add($"{language}-{(parts[1].Length == 2 ? parts[1].ToUpperInvariant() : parts[1])}");
            languages.Add(language);
        }
        return [.. languages.Distinct().Take(MaxLanguages)];
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex Tag();
}
