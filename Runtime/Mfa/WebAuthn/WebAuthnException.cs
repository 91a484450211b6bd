namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>Thrown while checking a ceremony; the verifier turns it into a refusal, never into a login error.</summary>
internal sealed class WebAuthnException(WebAuthnRefusal refusal, string reason) : Exception(reason)
{
    public WebAuthnRefusal Refusal { get; } = refusal;
}
