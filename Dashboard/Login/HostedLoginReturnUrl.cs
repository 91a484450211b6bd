using Microsoft.AspNetCore.WebUtilities;

namespace Flowgate.Dashboard.Login;

/// <summary>Where the hosted pages send the browser next: only back to this server's own paths.</summary>
internal static class HostedLoginReturnUrl
{
    /// <summary>Prevents open redirects: a local path, never <c>//host</c> or <c>/\host</c>.</summary>
    public static string Safe(string? returnUrl) => Hosting.LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/u/logged-in";

    /// <summary>The <c>client_id</c> of the authorization request being completed, if any.</summary>
    public static string? ClientId(string? returnUrl)
    {
        var query = Safe(returnUrl).Split('?', 2) is [_, var q] ? q : "";
        return QueryHelpers.ParseQuery(query).TryGetValue("client_id", out var value) ? value.ToString() : null;
    }
}
