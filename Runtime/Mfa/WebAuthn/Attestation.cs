using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>
/// The attestation object (WebAuthn §6.5) and its statement, for the formats <c>none</c> and <c>packed</c>
/// (self attestation, or x5c with the certificate requirements of §8.2.1). The x5c chain is not checked
/// against trust anchors: a tenant has no metadata service, so attestation shows which key made the
/// credential, not which vendor (the "uncertain trust path" the specification lets a relying party accept).
/// </summary>
internal sealed record Attestation(string Format, byte[] AuthData, int? Algorithm, byte[]? Signature, IReadOnlyList<byte[]> Certificates)
{
    private const string AaguidExtension = "1.3.6.1.4.1.45724.1.1.4";

    public static Attestation Parse(byte[] attestationObject)
    {
        try
        {
            var reader = new CborReader(attestationObject, CborConformanceMode.Lax);
            string? format = null;
            byte[]? authData = null;
            (int? alg, byte[]? sig, List<byte[]> x5c) statement = (null, null, []);
            var count = reader.ReadStartMap();
            for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
            {
                switch (reader.ReadTextString())
                {
                    case "fmt": format = reader.ReadTextString(); break;
                    case "authData": authData = reader.ReadByteString(); break;
                    case "attStmt": statement = ReadStatement(reader); break;
                    default: reader.SkipValue(); break;
                }
            }
            reader.ReadEndMap();
            if (format is null || authData is null)
                throw new WebAuthnException(WebAuthnRefusal.Malformed, "The attestation object lacks fmt or authData.");
            return new Attestation(format, authData, statement.alg, statement.sig, statement.x5c);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException)
        {
            throw new WebAuthnException(WebAuthnRefusal.Malformed, "The attestation object is not valid CBOR.");
        }
    }

    /// <summary>Checks the statement against the authenticator data and the hash of clientDataJSON.</summary>
    public void Verify(AuthenticatorData data, CoseKey credentialKey, byte[] clientDataHash)
    {
        switch (Format)
        {
            case "none":
                return;
            case "packed" when Signature is null || Algorithm is null:
                throw Bad("The packed attestation statement lacks alg or sig.");
            case "packed" when Certificates.Count == 0:
                // Self attestation: signed with the credential's own key.
                if (Algorithm != credentialKey.Algorithm)
                    throw Bad("The self attestation's algorithm differs from the credential key's.");
                if (!credentialKey.Verify([.. AuthData, .. clientDataHash], Signature))
                    throw new WebAuthnException(WebAuthnRefusal.BadSignature, "The self attestation signature is not valid.");
                return;
            case "packed":
                VerifyCertificate(data, clientDataHash);
                return;
            default:
                throw Bad($"The attestation format '{Format}' is not supported (none and packed are).");
        }
    }

    private void VerifyCertificate(AuthenticatorData data, byte[] clientDataHash)
    {
        using var certificate = LoadCertificate(Certificates[0]);
        byte[] signed = [.. AuthData, .. clientDataHash];
        if (!SignatureValid(certificate, signed))
            throw new WebAuthnException(WebAuthnRefusal.BadSignature, "The attestation signature does not verify with the attestation certificate.");
        if (certificate.Version != 3 || !certificate.SubjectName.Name.Contains("OU=Authenticator Attestation", StringComparison.Ordinal))
            throw Bad("The attestation certificate is not a version 3 certificate with OU=Authenticator Attestation.");
        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority))
            throw Bad("The attestation certificate is a CA certificate.");
        // When present, the AAGUID extension (an OCTET STRING inside the extension value) must name this authenticator model.
        if (certificate.Extensions[AaguidExtension] is { } aaguid && !aaguid.RawData.AsSpan().EndsWith(data.Aaguid))
            throw Bad("The attestation certificate's AAGUID differs from the authenticator data's.");
    }

    private bool SignatureValid(X509Certificate2 certificate, byte[] signed)
    {
        if (Algorithm == CoseKey.ES256)
        {
            using var ec = certificate.GetECDsaPublicKey();
            return ec?.VerifyData(signed, Signature!, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence) == true;
        }
        if (Algorithm == CoseKey.RS256)
        {
            using var rsa = certificate.GetRSAPublicKey();
            return rsa?.VerifyData(signed, Signature!, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) == true;
        }
        throw Bad($"The attestation algorithm {Algorithm} is not supported.");
    }

    private static X509Certificate2 LoadCertificate(byte[] der)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException)
        {
            throw Bad("The attestation certificate cannot be read.");
        }
    }

    private static (int?, byte[]?, List<byte[]>) ReadStatement(CborReader reader)
    {
        int? alg = null;
        byte[]? sig = null;
        var x5c = new List<byte[]>();
        var count = reader.ReadStartMap();
        for (var i = 0; count is null ? reader.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            switch (reader.ReadTextString())
            {
                case "alg": alg = reader.ReadInt32(); break;
                case "sig": sig = reader.ReadByteString(); break;
                case "x5c":
                    var certificates = reader.ReadStartArray();
                    for (var c = 0; c < certificates; c++)
                        x5c.Add(reader.ReadByteString());
                    reader.ReadEndArray();
                    break;
                default: reader.SkipValue(); break;
            }
        }
        reader.ReadEndMap();
        return (alg, sig, x5c);
    }

    private static WebAuthnException Bad(string reason) => new(WebAuthnRefusal.BadAttestation, reason);
}
