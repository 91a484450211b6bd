using System.Buffers.Text;
using Fido2NetLib;
using Fido2NetLib.Objects;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// The options of <c>navigator.credentials.create()</c> / <c>get()</c>, as Fido2's option objects: the hosted pages get
/// them as JSON (binary values in base64url, which the page's script decodes), and the verifier rebuilds them around
/// the redeemed challenge, so the library checks the answer against what was asked.
/// </summary>
/// <remarks>
/// webauthn-platform enrolments are made discoverable with user verification (residentKey and userVerification
/// 'required'): the device's built-in authenticator then holds a passkey that also signs the user in without a
/// password ("Sign in with a passkey"). Security keys (webauthn-roaming) stay second factors: no resident key
/// (their storage is small), user verification only preferred, and direct attestation, so the key's own statement
/// (packed, fido-u2f, tpm, ...) is what Fido2 verifies; a browser may ask the user first and send none instead.
/// </remarks>
public static class CeremonyOptions
{
    private const uint TimeoutMs = 300_000;

    // Every algorithm Fido2 verifies that authenticators commonly use, the most common first: the authenticator picks
    // the first it supports.
    private static readonly IReadOnlyList<PubKeyCredParam> Algorithms =
        [PubKeyCredParam.ES256, PubKeyCredParam.Ed25519, PubKeyCredParam.ES384, PubKeyCredParam.PS256, PubKeyCredParam.RS256];

    public static string Creation(RelyingParty rp, string userHandle, string userName, string type, byte[] challenge, IEnumerable<MfaEnrollment> existing) =>
        ForCreation(rp, userHandle, userName, type, challenge, existing).ToJson();

    /// <summary>For a factor challenge (<paramref name="allowed"/> are the user's credentials) or, with none, a passkey sign-in.</summary>
    public static string Request(RelyingParty rp, byte[] challenge, IEnumerable<MfaEnrollment> allowed, bool requireUserVerification) =>
        ForRequest(rp, challenge, allowed, requireUserVerification).ToJson();

    internal static Fido2Configuration Configuration(RelyingParty rp) => new()
    {
        RPID = rp.Id,
        RPName = rp.Name,
        Origins = new HashSet<string>(rp.Origins, StringComparer.Ordinal),
        Timeout = TimeoutMs,
    };

    internal static CredentialCreateOptions ForCreation(
        RelyingParty rp, string userHandle, string userName, string type, byte[] challenge, IEnumerable<MfaEnrollment> existing)
    {
        var platform = type == MfaEnrollment.WebAuthnPlatform;
        var selection = new AuthenticatorSelection
        {
            AuthenticatorAttachment = platform ? AuthenticatorAttachment.Platform : AuthenticatorAttachment.CrossPlatform,
            ResidentKey = platform ? ResidentKeyRequirement.Required : ResidentKeyRequirement.Discouraged,
            UserVerification = platform ? UserVerificationRequirement.Required : UserVerificationRequirement.Preferred,
        };
        var user = new Fido2User { Id = Base64Url.DecodeFromChars(userHandle), Name = userName, DisplayName = userName };
        // The same authenticator twice would be no second factor, and a platform authenticator keeps one passkey per user.
        return CredentialCreateOptions.Create(Configuration(rp), challenge, user, selection,
            platform ? AttestationConveyancePreference.None : AttestationConveyancePreference.Direct,
            Descriptors(existing), new AuthenticationExtensionsClientInputs { CredProps = true }, Algorithms);
    }

    internal static AssertionOptions ForRequest(RelyingParty rp, byte[] challenge, IEnumerable<MfaEnrollment> allowed, bool requireUserVerification) =>
        AssertionOptions.Create(Configuration(rp), challenge, Descriptors(allowed),
            requireUserVerification ? UserVerificationRequirement.Required : UserVerificationRequirement.Preferred, null);

    private static PublicKeyCredentialDescriptor[] Descriptors(IEnumerable<MfaEnrollment> credentials) =>
        [.. credentials.Where(c => c.CredentialId is not null).Select(c => new PublicKeyCredentialDescriptor(
            PublicKeyCredentialType.PublicKey, Base64Url.DecodeFromChars(c.CredentialId), Transports(c.Transports)))];

    private static AuthenticatorTransport[] Transports(string? stored) =>
        [.. (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => EnumNameMapper<AuthenticatorTransport>.TryGetValue(t, out var transport) ? transport : (AuthenticatorTransport?)null)
            .OfType<AuthenticatorTransport>()];
}
