namespace Flowgate.Dashboard.Login;

/// <summary>
/// The errors the hosted error page (<c>/u/error</c>) shows: Auth0's error code and a fixed message per case. The
/// page takes only a case's key, never text from the address, so no one can make it display words of their choosing.
/// </summary>
internal static class HostedError
{
    public const string Page = "/u/error";

    private static readonly Dictionary<string, (string Code, string Message)> Cases = new()
    {
        ["login-expired"] = ("invalid_request",
            "This login can no longer be continued: it expired, was completed, or belongs to another session. Go back to the application and log in again."),
        ["reset-expired"] = ("invalid_request",
            "This password reset can no longer be continued: it expired, was completed, or was started in another browser. Open the link from the e-mail again."),
        ["connection-failed"] = ("access_denied",
            "The login at your identity provider could not be completed: it expired, was already used, or was started in another browser. Go back to the application and log in again."),
        ["connection-email-taken"] = ("access_denied",
            "An account with this e-mail address already exists. Log in with it; your administrator can link the two accounts."),
        ["connection-unknown"] = ("invalid_request", "This application cannot log in with that connection."),
    };

    // The codes OpenIddict refuses an authorization request with when it cannot answer the application.
    private static readonly HashSet<string> AuthorizeCodes =
        ["invalid_request", "invalid_client", "unauthorized_client", "unsupported_response_type", "invalid_scope", "server_error"];

    private const string AuthorizePrefix = "authorize-";

    /// <summary>The case for an authorization request refused before it could go back to the application, by its error code.</summary>
    public static string AuthorizeKey(string error) => AuthorizePrefix + (AuthorizeCodes.Contains(error) ? error : "invalid_request");

    /// <summary>The page's address for a case.</summary>
    public static string Url(string key) => Page + "?key=" + Uri.EscapeDataString(key);

    /// <summary>The code and message of a case; an unknown key gets a generic one.</summary>
    public static (string Code, string Message) Of(string? key) =>
        key is not null && Cases.TryGetValue(key, out var known) ? known
        : key?.StartsWith(AuthorizePrefix, StringComparison.Ordinal) == true && AuthorizeCodes.Contains(key[AuthorizePrefix.Length..])
            ? (key[AuthorizePrefix.Length..], "The application's login request is not valid (its client, callback address or parameters). Go back to the application and try again.")
            : ("invalid_request", "Something went wrong. Go back to the application and try again.");
}
