using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Flowgate.Runtime.Mfa;
using Flowgate.Runtime.Mfa.WebAuthn;
using static Flowgate.Tests.Runtime.Mfa.WebAuthn.SoftwareAuthenticator;

namespace Flowgate.Tests.Runtime.Mfa.WebAuthn;

/// <summary>
/// The relying party's checks, by Fido2, against credentials made in the test: what passes, and each refusal with the
/// reason the tenant logs show. The stored keys are the COSE keys as authenticators send them, the form Flowgate
/// stored before Fido2: existing credentials keep working.
/// </summary>
public sealed class WebAuthnVerifierTests
{
    private const string Origin = "https://login.example.com";
    private static readonly RelyingParty Rp = new("login.example.com", "Flowgate", [Origin]);
    private static readonly string Handle = Base64Url.EncodeToString("user-1"u8);
    private readonly byte[] _challenge = RandomNumberGenerator.GetBytes(32);

    [Theory]
    [InlineData("none")]
    [InlineData("packed")]
    public async Task An_es256_registration_in_format_none_or_packed_self_attestation_yields_the_credential(string format)
    {
        using var key = Es256();
        var credential = Passed(await RegisterAsync(Registration(key, format, UserPresent | UserVerified), MfaEnrollment.WebAuthnPlatform));
        Assert.Equal(key.CredentialId, credential.Id);
        // Stored as before Fido2: the COSE key as the authenticator sent it.
        Assert.Equal(key.CoseKey(), credential.PublicKey);
        Assert.Equal(format, credential.AttestationFormat);
        Assert.Equal(1u, credential.SignCount);
    }

    [Fact]
    public async Task A_packed_registration_with_an_attestation_certificate_verifies_and_a_signature_by_another_key_does_not()
    {
        using var key = Es256();
        using var attestationKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = key.AttestationCertificate(attestationKey);
        var authData = key.AuthenticatorData(Rp.Id, UserPresent, attested: true);
        var clientData = ClientData("webauthn.create", _challenge, Origin);

        var good = key.AttestationObject(authData, clientData, "packed", certificate, attestationKey);
        Assert.Equal("packed", Passed(await RegisterAsync(Posted(key, clientData, good))).AttestationFormat);

        using var impostor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = key.AttestationObject(authData, clientData, "packed", certificate, impostor);
        var refused = await RegisterAsync(Posted(key, clientData, forged));
        Assert.Equal(WebAuthnRefusal.BadAttestation, refused.Refusal);
        Assert.StartsWith("The attestation does not verify: ", refused.Reason);
    }

    [Fact]
    public async Task An_rs256_registration_with_packed_self_attestation_verifies_and_its_key_checks_assertions()
    {
        using var key = Rs256();
        var credential = Passed(await RegisterAsync(Registration(key, "packed", UserPresent)));
        key.Counter = 2;
        Assert.Equal(2u, Passed(await AssertAsync(Assertion(key), credential.PublicKey, 1)).SignCount);
    }

    [Fact]
    public async Task A_registration_without_user_verification_is_refused_where_it_is_required()
    {
        using var key = Es256();
        Refused(WebAuthnRefusal.UserNotVerified, "The authenticator did not verify the user (UV flag not set), which is required.",
            await RegisterAsync(Registration(key, "none", UserPresent), MfaEnrollment.WebAuthnPlatform));
    }

    [Fact]
    public async Task A_credential_id_already_registered_is_refused()
    {
        using var key = Es256();
        Refused(WebAuthnRefusal.UnknownCredential, "This credential is already registered.",
            await RegisterAsync(Registration(key, "none", UserPresent), isNew: false));
    }

    [Fact]
    public async Task Es256_and_rs256_assertions_verify_against_the_stored_cose_key_and_return_the_new_counter()
    {
        using var ec = Es256();
        using var rsa = Rs256();
        foreach (var key in new[] { ec, rsa })
        {
            key.Counter = 7;
            Assert.Equal(7u, Passed(await AssertAsync(Assertion(key), key.CoseKey(), 6)).SignCount);
        }
    }

    [Fact]
    public async Task An_assertion_made_on_another_origin_is_refused()
    {
        using var key = Es256();
        Refused(WebAuthnRefusal.WrongOrigin, "The origin 'https://login.example.com.evil.test' is not allowed.",
            await AssertAsync(Assertion(key, origin: "https://login.example.com.evil.test"), key.CoseKey(), 0));
    }

    [Fact]
    public async Task An_answer_from_a_cross_origin_frame_is_refused()
    {
        using var key = Es256();
        var clientData = System.Text.Encoding.UTF8.GetBytes(new JsonObject
        {
            ["type"] = "webauthn.get", ["challenge"] = Base64Url.EncodeToString(_challenge), ["origin"] = Origin,
            ["crossOrigin"] = true, ["topOrigin"] = "https://framing.example",
        }.ToJsonString());
        Assert.Equal(WebAuthnRefusal.WrongOrigin, (await AssertAsync(Signed(key, clientData, Rp.Id, UserPresent), key.CoseKey(), 0)).Refusal);
    }

    [Fact]
    public async Task An_assertion_for_another_relying_party_id_is_refused()
    {
        using var key = Es256();
        Refused(WebAuthnRefusal.WrongRelyingParty, "The authenticator data is not for the relying party 'login.example.com'.",
            await AssertAsync(Assertion(key, rpId: "example.org"), key.CoseKey(), 0));
    }

    [Fact]
    public async Task An_assertion_without_user_presence_or_required_verification_is_refused()
    {
        using var key = Es256();
        Refused(WebAuthnRefusal.UserNotPresent, "The authenticator did not confirm the user's presence (UP flag not set).",
            await AssertAsync(Assertion(key, flags: 0), key.CoseKey(), 0));
        Refused(WebAuthnRefusal.UserNotVerified, "The authenticator did not verify the user (UV flag not set), which is required.",
            await AssertAsync(Assertion(key), key.CoseKey(), 0, requireUserVerification: true));
    }

    [Fact]
    public async Task An_assertion_signed_by_another_key_is_refused()
    {
        using var key = Es256();
        using var other = Es256();
        Refused(WebAuthnRefusal.BadSignature, "The assertion signature does not verify with the credential's public key.",
            await AssertAsync(Assertion(other), key.CoseKey(), 0));
    }

    [Fact]
    public async Task A_counter_that_goes_back_or_to_zero_is_a_cloned_authenticator_and_is_refused_while_two_zero_counters_pass()
    {
        using var key = Es256();
        key.Counter = 5;
        Refused(WebAuthnRefusal.CounterWentBack, "The sign counter went from 9 to 5: the authenticator may have been cloned.",
            await AssertAsync(Assertion(key), key.CoseKey(), 9));
        key.Counter = 0;
        Refused(WebAuthnRefusal.CounterWentBack, "The sign counter went from 1 to 0: the authenticator may have been cloned.",
            await AssertAsync(Assertion(key), key.CoseKey(), 1));
        Passed(await AssertAsync(Assertion(key), key.CoseKey(), 0));
    }

    [Fact]
    public async Task A_user_handle_that_is_not_the_credentials_owner_is_refused()
    {
        using var key = Es256();
        var posted = JsonNode.Parse(Assertion(key))!;
        posted["response"]!["userHandle"] = Base64Url.EncodeToString("user-2"u8);
        var check = await AssertAsync(posted.ToJsonString(), key.CoseKey(), 0);
        Assert.Null(check.Value);
        Assert.Equal(WebAuthnRefusal.Malformed, check.Refusal);
    }

    private static Task<WebAuthnCheck<NewCredential>> RegisterAsync(
        string posted, string type = MfaEnrollment.WebAuthnRoaming, bool isNew = true) =>
        WebAuthnVerifier.VerifyRegistrationAsync(Rp, Handle, type, Parse(posted), (_, _) => Task.FromResult(isNew), CancellationToken.None);

    private static Task<WebAuthnCheck<VerifiedAssertion>> AssertAsync(
        string posted, byte[] storedKey, uint storedCount, bool requireUserVerification = false) =>
        WebAuthnVerifier.VerifyAssertionAsync(Rp, Parse(posted), storedKey, storedCount, Handle, requireUserVerification, CancellationToken.None);

    private string Registration(SoftwareAuthenticator key, string format, byte flags)
    {
        var clientData = ClientData("webauthn.create", _challenge, Origin);
        return Posted(key, clientData, key.AttestationObject(key.AuthenticatorData(Rp.Id, flags, attested: true), clientData, format));
    }

    private static string Posted(SoftwareAuthenticator key, byte[] clientData, byte[] attestation) =>
        key.Json(clientData, new JsonObject { ["attestationObject"] = Base64Url.EncodeToString(attestation) });

    private string Assertion(SoftwareAuthenticator key, string origin = Origin, string? rpId = null, byte flags = UserPresent) =>
        Signed(key, ClientData("webauthn.get", _challenge, origin), rpId ?? Rp.Id, flags);

    private static string Signed(SoftwareAuthenticator key, byte[] clientData, string rpId, byte flags)
    {
        var authData = key.AuthenticatorData(rpId, flags, attested: false);
        return key.Json(clientData, new JsonObject
        {
            ["authenticatorData"] = Base64Url.EncodeToString(authData),
            ["signature"] = Base64Url.EncodeToString(key.Sign([.. authData, .. SHA256.HashData(clientData)])),
        });
    }

    private static CredentialResponse Parse(string posted) => CredentialResponse.Parse(posted) ?? throw new Xunit.Sdk.XunitException("Not a credential.");

    private static T Passed<T>(WebAuthnCheck<T> check) where T : class =>
        check.Value ?? throw new Xunit.Sdk.XunitException($"Refused ({check.Refusal}): {check.Reason}");

    private static void Refused<T>(WebAuthnRefusal refusal, string reason, WebAuthnCheck<T> check) where T : class
    {
        Assert.Null(check.Value);
        Assert.Equal(refusal, check.Refusal);
        Assert.Equal(reason, check.Reason);
    }
}
