using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace Flowgate.Tests.Runtime.Mfa.WebAuthn;

/// <summary>
/// An authenticator in test code, built from the specification: it keeps one ES256 or RS256 key and writes
/// authenticator data, COSE keys, attestation objects and signatures byte by byte, as a security key would.
/// </summary>
internal sealed class SoftwareAuthenticator : IDisposable
{
    public const byte UserPresent = 0x01;
    public const byte UserVerified = 0x04;
    private const byte AttestedData = 0x40;

    private readonly ECDsa? _ec;
    private readonly RSA? _rsa;

    private SoftwareAuthenticator(ECDsa? ec, RSA? rsa) => (_ec, _rsa) = (ec, rsa);

    public static SoftwareAuthenticator Es256() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256), null);

    public static SoftwareAuthenticator Rs256() => new(null, RSA.Create(2048));

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(32);
    public byte[] Aaguid { get; } = RandomNumberGenerator.GetBytes(16);

    /// <summary>The counter the next signature will carry.</summary>
    public uint Counter { get; set; } = 1;

    public int Algorithm => _ec is not null ? -7 : -257;

    public byte[] CoseKey()
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        if (_ec is not null)
        {
            var q = _ec.ExportParameters(false).Q;
            writer.WriteStartMap(5);
            writer.WriteInt32(1); writer.WriteInt32(2);
            writer.WriteInt32(3); writer.WriteInt32(-7);
            writer.WriteInt32(-1); writer.WriteInt32(1);
            writer.WriteInt32(-2); writer.WriteByteString(q.X!);
            writer.WriteInt32(-3); writer.WriteByteString(q.Y!);
        }
        else
        {
            var p = _rsa!.ExportParameters(false);
            writer.WriteStartMap(4);
            writer.WriteInt32(1); writer.WriteInt32(3);
            writer.WriteInt32(3); writer.WriteInt32(-257);
            writer.WriteInt32(-1); writer.WriteByteString(p.Modulus!);
            writer.WriteInt32(-2); writer.WriteByteString(p.Exponent!);
        }
        writer.WriteEndMap();
        return writer.Encode();
    }

    public byte[] Sign(byte[] data) => _ec is not null
        ? _ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
        : _rsa!.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public byte[] AuthenticatorData(string rpId, byte flags, bool attested)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId))) { (byte)(flags | (attested ? AttestedData : 0)) };
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, Counter);
        data.AddRange(counter);
        if (attested)
        {
            data.AddRange(Aaguid);
            data.Add((byte)(CredentialId.Length >> 8));
            data.Add((byte)CredentialId.Length);
            data.AddRange(CredentialId);
            data.AddRange(CoseKey());
        }
        return [.. data];
    }

    public static byte[] ClientData(string type, byte[] challenge, string origin) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["type"] = type, ["challenge"] = Base64Url.EncodeToString(challenge), ["origin"] = origin, ["crossOrigin"] = false,
    }.ToJsonString());

    /// <summary>An attestation object in format none, packed self attestation, or packed with an x5c certificate.</summary>
    public byte[] AttestationObject(byte[] authData, byte[] clientData, string format, X509Certificate2? certificate = null, ECDsa? certificateKey = null)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString(format);
        writer.WriteTextString("attStmt");
        if (format == "none")
            writer.WriteStartMap(0);
        else
        {
            byte[] signed = [.. authData, .. SHA256.HashData(clientData)];
            writer.WriteStartMap(certificate is null ? 2 : 3);
            writer.WriteTextString("alg");
            writer.WriteInt32(certificate is null ? Algorithm : -7);
            writer.WriteTextString("sig");
            writer.WriteByteString(certificate is null ? Sign(signed) : certificateKey!.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            if (certificate is not null)
            {
                writer.WriteTextString("x5c");
                writer.WriteStartArray(1);
                writer.WriteByteString(certificate.RawData);
                writer.WriteEndArray();
            }
        }
        writer.WriteEndMap();
        writer.WriteTextString("authData");
        writer.WriteByteString(authData);
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>An attestation certificate as §8.2.1 wants it: v3, OU=Authenticator Attestation, not a CA, naming the AAGUID.</summary>
    public X509Certificate2 AttestationCertificate(ECDsa key)
    {
        var request = new CertificateRequest("C=US, O=Test Vendor, OU=Authenticator Attestation, CN=Test Key", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.45724.1.1.4", [0x04, 0x10, .. Aaguid], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>What the hosted pages' script posts after <c>navigator.credentials.create()</c> (attestation none).</summary>
    public string RegistrationJson(byte[] challenge, string origin, string rpId)
    {
        var clientData = ClientData("webauthn.create", challenge, origin);
        var attestation = AttestationObject(AuthenticatorData(rpId, UserPresent | UserVerified, attested: true), clientData, "none");
        return Json(clientData, new JsonObject { ["attestationObject"] = Base64Url.EncodeToString(attestation), ["transports"] = new JsonArray("usb") });
    }

    /// <summary>What the script posts after <c>navigator.credentials.get()</c>, signed with <see cref="Counter"/>.</summary>
    public string AssertionJson(byte[] challenge, string origin, string rpId)
    {
        var clientData = ClientData("webauthn.get", challenge, origin);
        var authData = AuthenticatorData(rpId, UserPresent | UserVerified, attested: false);
        return Json(clientData, new JsonObject
        {
            ["authenticatorData"] = Base64Url.EncodeToString(authData),
            ["signature"] = Base64Url.EncodeToString(Sign([.. authData, .. SHA256.HashData(clientData)])),
        });
    }

    /// <summary>The posted credential around a response (clientDataJSON added).</summary>
    public string Json(byte[] clientData, JsonObject response)
    {
        response["clientDataJSON"] = Base64Url.EncodeToString(clientData);
        var id = Base64Url.EncodeToString(CredentialId);
        return new JsonObject { ["id"] = id, ["rawId"] = id, ["type"] = "public-key", ["response"] = response }.ToJsonString();
    }

    public void Dispose()
    {
        _ec?.Dispose();
        _rsa?.Dispose();
    }
}
