using System.Security.Cryptography;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// The relying party's checks of WebAuthn ceremonies (WebAuthn Level 2, §7.1 registration and §7.2
/// assertion), with no state: the caller supplies the challenge it issued and the stored credential.
/// </summary>
public static class WebAuthnVerifier
{
    /// <summary>Checks <c>navigator.credentials.create()</c>'s answer; attestation formats none and packed.</summary>
    public static WebAuthnCheck<NewCredential> VerifyRegistration(
        RelyingParty rp, byte[] challenge, byte[] clientDataJson, byte[] attestationObject, bool requireUserVerification)
    {
        try
        {
            ClientData.Parse(clientDataJson).Check(ClientData.Create, challenge, rp);
            var attestation = Attestation.Parse(attestationObject);
            var data = AuthenticatorData.Parse(attestation.AuthData);
            data.Check(rp, requireUserVerification);
            if (data.CredentialId is null || data.PublicKey is null)
                throw new WebAuthnException(WebAuthnRefusal.Malformed, "The authenticator data carries no attested credential (AT flag not set).");
            var key = CoseKey.Parse(data.PublicKey);
            attestation.Verify(data, key, SHA256.HashData(clientDataJson));
            return new(new NewCredential(data.CredentialId, data.PublicKey, data.SignCount, data.UserVerified, data.BackupEligible, attestation.Format));
        }
        catch (WebAuthnException e)
        {
            return WebAuthnCheck<NewCredential>.Refused(e.Refusal, e.Message);
        }
    }

    /// <summary>
    /// Checks <c>navigator.credentials.get()</c>'s answer against a stored credential: the signature over
    /// authenticatorData || SHA-256(clientDataJSON), and a sign counter that moved forward (when either is non-zero).
    /// </summary>
    public static WebAuthnCheck<VerifiedAssertion> VerifyAssertion(
        RelyingParty rp, byte[] challenge, byte[] clientDataJson, byte[] authenticatorData, byte[] signature,
        byte[] publicKey, uint storedSignCount, bool requireUserVerification)
    {
        try
        {
            ClientData.Parse(clientDataJson).Check(ClientData.Get, challenge, rp);
            var data = AuthenticatorData.Parse(authenticatorData);
            data.Check(rp, requireUserVerification);
            if (!CoseKey.Parse(publicKey).Verify([.. authenticatorData, .. SHA256.HashData(clientDataJson)], signature))
                throw new WebAuthnException(WebAuthnRefusal.BadSignature, "The assertion signature does not verify with the credential's public key.");
            // Authenticators without a counter always send 0; one that had counted and now goes back is a copy.
            if ((data.SignCount != 0 || storedSignCount != 0) && data.SignCount <= storedSignCount)
                throw new WebAuthnException(WebAuthnRefusal.CounterWentBack,
                    $"The sign counter went from {storedSignCount} to {data.SignCount}: the authenticator may have been cloned.");
            return new(new VerifiedAssertion(data.SignCount, data.UserVerified));
        }
        catch (WebAuthnException e)
        {
            return WebAuthnCheck<VerifiedAssertion>.Refused(e.Refusal, e.Message);
        }
    }
}
