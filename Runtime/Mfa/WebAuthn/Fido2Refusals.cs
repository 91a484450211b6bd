using System.Buffers.Binary;
using Fido2NetLib;
using Fido2NetLib.Exceptions;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// Fido2's verification errors as Flowgate's refusals, with a sentence for the tenant logs (<c>gd_auth_failed</c>)
/// that names what an administrator can act on: the origin, the relying party, the counter.
/// </summary>
internal static class Fido2Refusals
{
    public static (WebAuthnRefusal Refusal, string Reason) Of(
        Fido2VerificationException e, RelyingParty rp, CredentialResponse response, bool registering, uint storedSignCount) =>
        e.Code switch
        {
            Fido2ErrorCode.InvalidAuthenticatorResponseOrigin or Fido2ErrorCode.MissingAuthenticatorResponseOrigin
                or Fido2ErrorCode.CrossOriginRequestNotAllowed or Fido2ErrorCode.InvalidAuthenticatorResponseTopOrigin
                => (WebAuthnRefusal.WrongOrigin, $"The origin '{response.Origin}' is not allowed."),
            Fido2ErrorCode.InvalidAuthenticatorResponseChallenge or Fido2ErrorCode.MissingAuthenticatorResponseChallenge
                => (WebAuthnRefusal.WrongChallenge, "The challenge does not match the one issued."),
            Fido2ErrorCode.InvalidRpidHash => (WebAuthnRefusal.WrongRelyingParty, $"The authenticator data is not for the relying party '{rp.Id}'."),
            Fido2ErrorCode.UserPresentFlagNotSet => (WebAuthnRefusal.UserNotPresent, "The authenticator did not confirm the user's presence (UP flag not set)."),
            Fido2ErrorCode.UserVerificationRequirementNotMet
                => (WebAuthnRefusal.UserNotVerified, "The authenticator did not verify the user (UV flag not set), which is required."),
            Fido2ErrorCode.InvalidSignature when !registering
                => (WebAuthnRefusal.BadSignature, "The assertion signature does not verify with the credential's public key."),
            Fido2ErrorCode.InvalidSignCount => CounterWentBack(storedSignCount, SignCount(response)),
            Fido2ErrorCode.NonUniqueCredentialId => (WebAuthnRefusal.UnknownCredential, "This credential is already registered."),
            Fido2ErrorCode.UnimplementedAlgorithm or Fido2ErrorCode.CredentialAlgorithmRequirementNotMet
                => (WebAuthnRefusal.UnsupportedAlgorithm, "The credential's algorithm is not one Flowgate accepts: " + e.Message),
            _ when registering => (WebAuthnRefusal.BadAttestation, "The attestation does not verify: " + e.Message),
            _ => (WebAuthnRefusal.Malformed, "The assertion is not valid: " + e.Message),
        };

    /// <summary>A counter that did not move forward: the authenticator may have been cloned.</summary>
    public static (WebAuthnRefusal, string) CounterWentBack(uint stored, uint received) =>
        (WebAuthnRefusal.CounterWentBack, $"The sign counter went from {stored} to {received}: the authenticator may have been cloned.");

    // Only read once Fido2 has parsed the authenticator data: the counter is its bytes 33 to 36, big-endian (WebAuthn §6.1).
    private static uint SignCount(CredentialResponse response) =>
        response.Assertion().Response.AuthenticatorData is { Length: >= 37 } data ? BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(33, 4)) : 0;
}
