using System.Security.Cryptography;
using Flowgate.Runtime.Mfa.WebAuthn;
using static Flowgate.Tests.Runtime.Mfa.WebAuthn.SoftwareAuthenticator;

namespace Flowgate.Tests.Runtime.Mfa.WebAuthn;

/// <summary>The relying party's checks against credentials made in the test: what passes, and each refusal with its reason.</summary>
public sealed class WebAuthnVerifierTests
{
    private const string Origin = "https://login.example.com";
    private static readonly RelyingParty Rp = new("login.example.com", "Flowgate", [Origin]);
    private readonly byte[] _challenge = RandomNumberGenerator.GetBytes(32);

    [Theory]
    [InlineData("none")]
    [InlineData("packed")]
    public void An_es256_registration_in_format_none_or_packed_self_attestation_yields_the_credential(string format)
    {
        using var key = Es256();
        var (clientData, attestation) = Register(key, format);

        var credential = Passed(WebAuthnVerifier.VerifyRegistration(Rp, _challenge, clientData, attestation, requireUserVerification: true));
        Assert.Equal(key.CredentialId, credential.Id);
        Assert.Equal(key.CoseKey(), credential.PublicKey);
        Assert.Equal(format, credential.AttestationFormat);
        Assert.True(credential.UserVerified);
    }

    [Fact]
    public void A_packed_registration_with_an_attestation_certificate_verifies_and_a_signature_by_another_key_does_not()
    {
        using var key = Es256();
        using var attestationKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = key.AttestationCertificate(attestationKey);
        var authData = key.AuthenticatorData(Rp.Id, UserPresent, attested: true);
        var clientData = ClientData("webauthn.create", _challenge, Origin);

        var good = key.AttestationObject(authData, clientData, "packed", certificate, attestationKey);
        Assert.Equal("packed", Passed(WebAuthnVerifier.VerifyRegistration(Rp, _challenge, clientData, good, false)).AttestationFormat);

        using var impostor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = key.AttestationObject(authData, clientData, "packed", certificate, impostor);
        Refused(WebAuthnRefusal.BadSignature, "The attestation signature does not verify with the attestation certificate.",
            WebAuthnVerifier.VerifyRegistration(Rp, _challenge, clientData, forged, false));
    }

    [Fact]
    public void An_rs256_registration_with_packed_self_attestation_verifies()
    {
        using var key = Rs256();
        var (clientData, attestation) = Register(key, "packed");
        Assert.Equal(key.CoseKey(), Passed(WebAuthnVerifier.VerifyRegistration(Rp, _challenge, clientData, attestation, false)).PublicKey);
    }

    [Fact]
    public void A_registration_without_user_verification_is_refused_where_it_is_required()
    {
        using var key = Es256();
        var clientData = ClientData("webauthn.create", _challenge, Origin);
        var attestation = key.AttestationObject(key.AuthenticatorData(Rp.Id, UserPresent, attested: true), clientData, "none");
        Refused(WebAuthnRefusal.UserNotVerified, "The authenticator did not verify the user (UV flag not set), which is required.",
            WebAuthnVerifier.VerifyRegistration(Rp, _challenge, clientData, attestation, requireUserVerification: true));
    }

    [Fact]
    public void Es256_and_rs256_assertions_verify_and_return_the_new_counter()
    {
        using var ec = Es256();
        using var rsa = Rs256();
        foreach (var key in new[] { ec, rsa })
        {
            key.Counter = 7;
            var (clientData, authData, signature) = Assertion(key);
            var assertion = Passed(WebAuthnVerifier.VerifyAssertion(Rp, _challenge, clientData, authData, signature, key.CoseKey(), 6, false));
            Assert.Equal(7u, assertion.SignCount);
        }
    }

    [Fact]
    public void An_assertion_for_another_challenge_is_refused()
    {
        using var key = Es256();
        var (clientData, authData, signature) = Assertion(key);
        Refused(WebAuthnRefusal.WrongChallenge, "The challenge does not match the one issued.",
            WebAuthnVerifier.VerifyAssertion(Rp, RandomNumberGenerator.GetBytes(32), clientData, authData, signature, key.CoseKey(), 0, false));
    }

    [Fact]
    public void An_assertion_made_on_another_origin_is_refused()
    {
        using var key = Es256();
        var (clientData, authData, signature) = Assertion(key, origin: "https://login.example.com.evil.test");
        Refused(WebAuthnRefusal.WrongOrigin, "The origin 'https://login.example.com.evil.test' is not allowed.",
            WebAuthnVerifier.VerifyAssertion(Rp, _challenge, clientData, authData, signature, key.CoseKey(), 0, false));
    }

    [Fact]
    public void An_assertion_for_another_relying_party_id_is_refused()
    {
        using var key = Es256();
        var (clientData, authData, signature) = Assertion(key, rpId: "example.org");
        Refused(WebAuthnRefusal.WrongRelyingParty, "The authenticator data is not for the relying party 'login.example.com'.",
            WebAuthnVerifier.VerifyAssertion(Rp, _challenge, clientData, authData, signature, key.CoseKey(), 0, false));
    }

    [Fact]
    public void An_assertion_without_user_presence_is_refused()
    {
        using var key = Es256();
        var (clientData, authData, signature) = Assertion(key, flags: 0);
        Refused(WebAuthnRefusal.UserNotPresent, "The authenticator did not confirm the user's presence (UP flag not set).",
            WebAuthnVerifier.VerifyAssertion(Rp, _challenge, clientData, authData, signature, key.CoseKey(), 0, false));
    }

    [Fact]
    public void An_assertion_signed_by_another_key_is_refused()
    {
        using var key = Es256();
        using var other = Es256();
        var (clientData, authData, signature) = Assertion(other);
        Refused(WebAuthnRefusal.BadSignature, "The assertion signature does not verify with the credential's public key.",
            WebAuthnVerifier.VerifyAssertion(Rp, _challenge, clientData, authData, signature, key.CoseKey(), 0, false));
    }

    [Fact]
    public void A_counter_that_goes_back_is_a_cloned_authenticator_and_is_refused_while_two_zero_counters_pass()
    {
        using var key = Es256();
        key.Counter = 5;
        var (clientData, authData, signature) = Assertion(key);
        Refused(WebAuthnRefusal.CounterWentBack, "The sign counter went from 9 to 5: the authenticator may have been cloned.",
            WebAuthnVerifier.VerifyAssertion(Rp, _challenge, clientData, authData, signature, key.CoseKey(), 9, false));

        key.Counter = 0;
        var (zeroClient, zeroData, zeroSignature) = Assertion(key);
        Passed(WebAuthnVerifier.VerifyAssertion(Rp, _challenge, zeroClient, zeroData, zeroSignature, key.CoseKey(), 0, false));
    }

    private (byte[] ClientData, byte[] Attestation) Register(SoftwareAuthenticator key, string format)
    {
        var clientData = ClientData("webauthn.create", _challenge, Origin);
        return (clientData, key.AttestationObject(key.AuthenticatorData(Rp.Id, UserPresent | UserVerified, attested: true), clientData, format));
    }

    private (byte[] ClientData, byte[] AuthData, byte[] Signature) Assertion(SoftwareAuthenticator key, string origin = Origin, string? rpId = null, byte flags = UserPresent)
    {
        var clientData = ClientData("webauthn.get", _challenge, origin);
        var authData = key.AuthenticatorData(rpId ?? Rp.Id, flags, attested: false);
        return (clientData, authData, key.Sign([.. authData, .. SHA256.HashData(clientData)]));
    }

    private static T Passed<T>(WebAuthnCheck<T> check) where T : class =>
        check.Value ?? throw new Xunit.Sdk.XunitException($"Refused ({check.Refusal}): {check.Reason}");

    private static void Refused<T>(WebAuthnRefusal refusal, string reason, WebAuthnCheck<T> check) where T : class
    {
        Assert.Null(check.Value);
        Assert.Equal(refusal, check.Refusal);
        Assert.Equal(reason, check.Reason);
    }
}
