namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>Why a WebAuthn registration or assertion was refused; each comes with a sentence for the logs.</summary>
public enum WebAuthnRefusal
{
    /// <summary>The browser's answer is not well-formed (JSON, CBOR, lengths).</summary>
    Malformed,
    /// <summary>clientDataJSON's type is not the ceremony's (<c>webauthn.create</c> / <c>webauthn.get</c>).</summary>
    WrongType,
    WrongChallenge,
    /// <summary>The challenge was already answered once: a replayed assertion.</summary>
    ChallengeReplayed,
    WrongOrigin,
    /// <summary>The authenticator data is for another relying party id.</summary>
    WrongRelyingParty,
    UserNotPresent,
    UserNotVerified,
    BadSignature,
    UnsupportedAlgorithm,
    BadAttestation,
    /// <summary>The sign counter did not increase: the authenticator may have been cloned.</summary>
    CounterWentBack,
    /// <summary>The credential is not one of this user's (or of any user's, for a passkey).</summary>
    UnknownCredential,
}
