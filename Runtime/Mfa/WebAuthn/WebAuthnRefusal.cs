namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>Why a WebAuthn registration or assertion was refused; each comes with a sentence for the logs.</summary>
public enum WebAuthnRefusal
{
    /// <summary>The answer is not well-formed (JSON, CBOR, lengths) or is another ceremony's (a <c>webauthn.get</c> for a registration).</summary>
    Malformed,
    WrongChallenge,
    /// <summary>The challenge was already answered once: a replayed assertion.</summary>
    ChallengeReplayed,
    WrongOrigin,
    /// <summary>The authenticator data is for another relying party id.</summary>
    WrongRelyingParty,
    UserNotPresent,
    UserNotVerified,
    /// <summary>The assertion's signature does not verify with the stored key.</summary>
    BadSignature,
    UnsupportedAlgorithm,
    /// <summary>The registration's attestation statement does not verify (any format Fido2 knows).</summary>
    BadAttestation,
    /// <summary>The sign counter did not increase: the authenticator may have been cloned.</summary>
    CounterWentBack,
    /// <summary>The credential is not one of this user's (or of any user's, for a passkey).</summary>
    UnknownCredential,
}
