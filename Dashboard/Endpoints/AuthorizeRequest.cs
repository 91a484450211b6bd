using Flowgate.Runtime.Login;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flowgate.Dashboard.Endpoints;

/// <summary>Reads an <c>/authorize</c> request (query or form post) into <see cref="AuthorizeFacts"/>, and rebuilds it as a local URL.</summary>
internal static class AuthorizeRequest
{
    /// <summary>Added by /continue and the factor pages: the parked transaction this request finishes.</summary>
    public const string ContinueMarker = "flowgate_continue";

    /// <summary>Added by the consent page when the user declines.</summary>
    public const string ConsentMarker = "flowgate_consent";

    /// <summary>Added to the return address of the login page: the browser comes back from logging in for this request.</summary>
    public const string LoginMarker = "flowgate_login";

    public static AuthorizeFacts Facts(HttpContext context, OpenIddictRequest request) => new()
    {
        ClientId = request.ClientId!,
        Fingerprint = AuthorizationRequestFingerprint.Of(name => request.GetParameter(name)?.ToString()),
        PromptNone = request.HasPromptValue(PromptValues.None),
        PromptLogin = request.HasPromptValue(PromptValues.Login),
        MaxAge = request.MaxAge is { } maxAge && maxAge >= 0 && maxAge <= int.MaxValue ? (int)maxAge : null,
        LoginHint = request.LoginHint,
        ScreenHint = request.GetParameter("screen_hint")?.ToString(),
        BackFromLoginPage = Parameter(context, LoginMarker) == "1",
        ResumeState = Parameter(context, ContinueMarker) is { Length: > 0 } state ? state : null,
    };

    /// <summary>This authorization request again as a local URL (a form post becomes a query), with an optional marker.</summary>
    public static string Url(HttpContext context, KeyValuePair<string, string>? marker)
    {
        var parameters = (context.Request.HasFormContentType
                ? context.Request.Form.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()))
                : context.Request.Query.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString())))
            .Where(p => p.Key is not LoginMarker and not ContinueMarker and not ConsentMarker);
        if (marker is { } added)
            parameters = parameters.Append(added);
        return context.Request.PathBase + context.Request.Path + QueryString.Create(parameters!);
    }

    public static string? Parameter(HttpContext context, string name) =>
        context.Request.HasFormContentType ? context.Request.Form[name].ToString() : context.Request.Query[name].ToString();
}
