using System.Buffers.Text;
using System.Text.Json;
using Fido2NetLib;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// The relying party's checks of WebAuthn ceremonies, by Fido2 (fido2-net-lib): every attestation format it knows
/// (none, packed, fido-u2f, tpm, android-key, android-safetynet, apple), client data, origin, RP id hash, user
/// presence and verification, extensions, signature and counter. No state: the caller has redeemed the challenge
/// (<see cref="WebAuthnChallenges"/>) and supplies the stored credential.
/// </summary>
/// <remarks>
/// No metadata service: attestation certificates are checked as statements, not against vendors' trust anchors
/// (a tenant has no FIDO MDS), so attestation shows which key made the credential, not which vendor.
/// </remarks>
public static class WebAuthnVerifier
{
    /// <summary>Checks <c>navigator.credentials.create()</c>'s answer; <paramref name="isNew"/> says whether a credential id is still free.</summary>
    public static async Task<WebAuthnCheck<NewCredential>> VerifyRegistrationAsync(
        RelyingParty rp, string userHandle, string type, CredentialResponse response, Func<byte[], CancellationToken, Task<bool>> isNew,
        CancellationToken cancellationToken)
    {
        try
        {
            var credential = await new Fido2(CeremonyOptions.Configuration(rp)).MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response.Attestation(),
                OriginalOptions = CeremonyOptions.ForCreation(rp, userHandle, userHandle, type, response.Challenge, []),
                IsCredentialIdUniqueToUserCallback = (args, ct) => isNew(args.CredentialId, ct),
            }, cancellationToken);
            return new(new NewCredential(credential.Id, credential.PublicKey, credential.SignCount, credential.AttestationFormat));
        }
        catch (Fido2VerificationException e)
        {
            var (refusal, reason) = Fido2Refusals.Of(e, rp, response, registering: true, 0);
            return WebAuthnCheck<NewCredential>.Refused(refusal, reason);
        }
        catch (Exception e) when (Malformed(e))
        {
            return WebAuthnCheck<NewCredential>.Refused(WebAuthnRefusal.Malformed, "The response is not a registration.");
        }
    }

    /// <summary>
    /// Checks <c>navigator.credentials.get()</c>'s answer against a stored credential (its COSE key, counter and user
    /// handle). Fido2 refuses a counter that does not move forward; a counter that was counting and comes back as 0,
    /// which Fido2 lets through, is refused here too: that authenticator is a copy.
    /// </summary>
    public static async Task<WebAuthnCheck<VerifiedAssertion>> VerifyAssertionAsync(
        RelyingParty rp, CredentialResponse response, byte[] publicKey, uint storedSignCount, string? userHandle, bool requireUserVerification,
        CancellationToken cancellationToken)
    {
        try
        {
            var result = await new Fido2(CeremonyOptions.Configuration(rp)).MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response.Assertion(),
                OriginalOptions = CeremonyOptions.ForRequest(rp, response.Challenge, [], requireUserVerification),
                StoredPublicKey = publicKey,
                StoredSignatureCounter = storedSignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) =>
                    Task.FromResult(userHandle is not null && Base64Url.EncodeToString(args.UserHandle) == userHandle),
            }, cancellationToken);
            if (storedSignCount != 0 && result.SignCount == 0)
            {
                var (refusal, reason) = Fido2Refusals.CounterWentBack(storedSignCount, 0);
                return WebAuthnCheck<VerifiedAssertion>.Refused(refusal, reason);
            }
            return new(new VerifiedAssertion(result.SignCount));
        }
        catch (Fido2VerificationException e)
        {
            var (refusal, reason) = Fido2Refusals.Of(e, rp, response, registering: false, storedSignCount);
            return WebAuthnCheck<VerifiedAssertion>.Refused(refusal, reason);
        }
        catch (Exception e) when (Malformed(e))
        {
            return WebAuthnCheck<VerifiedAssertion>.Refused(WebAuthnRefusal.Malformed, "The response is not an assertion.");
        }
    }

    // What reading a forged or truncated answer throws: it is a refusal, never a login error.
    private static bool Malformed(Exception e) =>
        e is JsonException or FormatException or ArgumentException or InvalidOperationException or OverflowException
            or System.Formats.Cbor.CborContentException or System.Security.Cryptography.CryptographicException;
}
