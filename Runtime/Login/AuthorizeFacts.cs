namespace Flowgate.Runtime.Login;

/// <summary>The authorization request as the login transaction needs it: plain values, read from HTTP by the host.</summary>
public sealed record AuthorizeFacts
{
    public required string ClientId { get; init; }

    /// <summary>The request's <see cref="AuthorizationRequestFingerprint"/>.</summary>
    public required string Fingerprint { get; init; }

    public bool PromptNone { get; init; }

    public bool PromptLogin { get; init; }

    /// <summary><c>max_age</c> in seconds: an older authentication must be done again.</summary>
    public int? MaxAge { get; init; }

    /// <summary><c>login_hint</c>: the e-mail the login page starts with.</summary>
    public string? LoginHint { get; init; }

    /// <summary><c>screen_hint</c>: <c>signup</c> opens signup instead of login.</summary>
    public string? ScreenHint { get; init; }

    /// <summary>The browser is back from the hosted login page that this very request sent it to.</summary>
    public bool BackFromLoginPage { get; init; }

    /// <summary>The state of the parked transaction this request comes back to finish, if any.</summary>
    public string? ResumeState { get; init; }
}
