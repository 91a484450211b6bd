using Flowgate.Runtime.Login;

namespace Flowgate.Dashboard.Login;

/// <summary>The markers and addresses that carry a login between the hosted pages and <c>/authorize</c> and <c>/continue</c>.</summary>
internal static class LoginUrls
{
    /// <summary>Added by /continue and the factor pages when they send the browser back to <c>/authorize</c>: the parked transaction it finishes.</summary>
    public const string ContinueMarker = "flowgate_continue";

    /// <summary>Added by the consent page when the user declines.</summary>
    public const string ConsentMarker = "flowgate_consent";

    /// <summary>Added to the login page's return address: the browser comes back from logging in for this request.</summary>
    public const string LoginMarker = "flowgate_login";

    /// <summary>An Action's redirect target with Auth0's <c>state</c> parameter added.</summary>
    public static string WithState(string url, string state) => url + (url.Contains('?') ? "&" : "?") + "state=" + Uri.EscapeDataString(state);

    /// <summary>
    /// Where a finished parked flow is applied: the authorization request again, marked so <c>/authorize</c> takes this
    /// login's result; for a password reset, the new-password page.
    /// </summary>
    public static string ResumeUrl(ParkedPurpose purpose, string state) => purpose switch
    {
        ParkedAuthorization request => request.Url + (request.Url.Contains('?') ? "&" : "?") + ContinueMarker + "=" + state,
        ParkedReset => ResetChallenge.ResumeUrl(state),
        _ => throw new InvalidOperationException($"No page takes up a {purpose.GetType().Name}."),
    };
}
