namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>The outcome of checking a ceremony: the value when it passed, otherwise why not.</summary>
public sealed record WebAuthnCheck<T>(T? Value, WebAuthnRefusal? Refusal = null, string? Reason = null) where T : class
{
    public bool Passed => Value is not null;

    public static WebAuthnCheck<T> Refused(WebAuthnRefusal refusal, string reason) => new(null, refusal, reason);
}
