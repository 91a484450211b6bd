using Flowgate.Runtime.Actions;

namespace Flowgate.Runtime.Applications;

/// <summary>
/// The URLs an application lists (callbacks, logout URLs, web origins), checked the same way for the
/// Management API and the dashboard's fields.
/// </summary>
public static class ApplicationUrls
{
    /// <summary>Why <paramref name="value"/> cannot be a callback or logout URL; null when it can.</summary>
    /// <remarks>
    /// Native apps use custom schemes (<c>com.example.app://callback</c>), so any absolute URL is allowed
    /// except schemes that run code or read files. OpenIddict refuses fragments and an <c>iss</c> parameter.
    /// </remarks>
    public static string? Problem(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.IsFile || uri.Scheme is "javascript" or "data" or "vbscript" or "file")
            return $"'{value}' is not an absolute URL.";
        if (uri.Fragment.Length > 0)
            return $"'{value}' has a fragment (#...), which a redirect cannot carry.";
        if (Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).ContainsKey("iss"))
            return $"'{value}' has an iss parameter, which the server adds itself.";
        return null;
    }

    /// <summary>Why <paramref name="value"/> cannot be a web origin (scheme, host and port only); null when it can.</summary>
    public static string? OriginProblem(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.PathAndQuery == "/" && uri.Fragment.Length == 0 && !value.Trim().EndsWith('/')
            ? null
            : $"'{value}' is not an origin such as https://app.example.com (scheme, host and port, no path).";

    /// <summary>The trimmed, distinct URLs, or a refusal naming the first bad one.</summary>
    internal static IReadOnlyList<string> Validate(IEnumerable<string> values, string field, Func<string, string?> problem)
    {
        var list = values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var value in list)
        {
            if (problem(value) is { } reason)
                throw new OperationRejectedException(RejectionKind.Invalid, $"Payload validation error: {field}: {reason}");
        }
        return list;
    }
}
