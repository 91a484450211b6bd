using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flowgate.Runtime.Sandbox;

/// <summary>
/// RSA and EC keys for the sandbox's <c>crypto</c> (<c>createPublicKey</c>, <c>createPrivateKey</c>, <c>createSign</c>,
/// <c>createVerify</c>), as Node reads them: PEM keys (PKCS#1, PKCS#8, SEC1, SPKI), certificates and JWKs. The BCL
/// parses, signs and verifies; JavaScript keeps only the key's PEM. Every answer is JSON, with <c>error</c> when the
/// input is refused, so the Action gets Node's kind of message rather than a host exception.
/// </summary>
internal static class AsymmetricKeys
{
    /// <summary>
    /// Describes a key: <c>{type, asymmetricKeyType, modulusLength, namedCurve, pem}</c>; with <paramref name="publicHalf"/>,
    /// the public key of a private one (what <c>createPublicKey</c> gives).
    /// </summary>
    public static string Describe(string source, string format, bool publicHalf) => Answer(() =>
    {
        using var key = format == "jwk" ? FromJwk(source, out var isPrivate) : FromPem(source, out isPrivate);
        var exportPrivate = isPrivate && !publicHalf;
        return new JsonObject
        {
            ["type"] = exportPrivate ? "private" : "public",
            ["asymmetricKeyType"] = key is RSA ? "rsa" : "ec",
            ["modulusLength"] = key is RSA ? key.KeySize : null,
            ["namedCurve"] = key is ECDsa ec ? CurveName(ec) : null,
            ["pem"] = exportPrivate ? key.ExportPkcs8PrivateKeyPem() : key.ExportSubjectPublicKeyInfoPem(),
        };
    });

    /// <summary>Signs with a private key: RSA PKCS#1 v1.5 or PSS (<paramref name="pss"/>), ECDSA as DER or IEEE P1363.</summary>
    public static string Sign(string hash, string pem, byte[] data, bool pss, bool ieeeP1363) => Answer(() =>
    {
        using var key = FromPem(pem, out var isPrivate);
        if (!isPrivate)
            throw new ArgumentException("A private key is needed to sign.");
        var signature = key switch
        {
            RSA rsa => rsa.SignData(data, Hash(hash), pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1),
            ECDsa ec => ec.SignData(data, Hash(hash), ieeeP1363 ? DSASignatureFormat.IeeeP1363FixedFieldConcatenation : DSASignatureFormat.Rfc3279DerSequence),
            _ => throw new ArgumentException("Unsupported key type."),
        };
        return new JsonObject { ["signature"] = Convert.ToBase64String(signature) };
    });

    /// <summary>Verifies with a public key (or the public half of a private one).</summary>
    public static string Verify(string hash, string pem, byte[] data, byte[] signature, bool pss, bool ieeeP1363) => Answer(() =>
    {
        using var key = FromPem(pem, out _);
        var valid = key switch
        {
            RSA rsa => rsa.VerifyData(data, signature, Hash(hash), pss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1),
            ECDsa ec => ec.VerifyData(data, signature, Hash(hash), ieeeP1363 ? DSASignatureFormat.IeeeP1363FixedFieldConcatenation : DSASignatureFormat.Rfc3279DerSequence),
            _ => false,
        };
        return new JsonObject { ["valid"] = valid };
    });

    private static string Answer(Func<JsonObject> work)
    {
        try
        {
            return work().ToJsonString();
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or FormatException or JsonException or InvalidOperationException)
        {
            return new JsonObject { ["error"] = e.Message }.ToJsonString();
        }
    }

    private static AsymmetricAlgorithm FromPem(string pem, out bool isPrivate)
    {
        if (!PemEncoding.TryFind(pem, out var fields))
            throw new ArgumentException("error:1E08010C:DECODER routines::unsupported (not a PEM key or certificate)");
        var label = pem[fields.Label];
        isPrivate = label.EndsWith("PRIVATE KEY", StringComparison.Ordinal);
        switch (label)
        {
            case "CERTIFICATE":
                using (var certificate = X509Certificate2.CreateFromPem(pem))
                    return (AsymmetricAlgorithm?)certificate.GetRSAPublicKey() ?? certificate.GetECDsaPublicKey()
                        ?? throw new ArgumentException("The certificate's key is neither RSA nor EC.");
            case "ENCRYPTED PRIVATE KEY":
                throw new ArgumentException("Encrypted private keys are not supported: pass the key unencrypted (kept in a secret).");
            case "RSA PRIVATE KEY" or "RSA PUBLIC KEY":
                return Imported(RSA.Create(), pem);
            case "EC PRIVATE KEY":
                return Imported(ECDsa.Create(), pem);
            case "PRIVATE KEY" or "PUBLIC KEY":
                try
                {
                    return Imported(RSA.Create(), pem);
                }
                catch (CryptographicException)
                {
                    return Imported(ECDsa.Create(), pem);
                }
            default:
                throw new ArgumentException($"Unsupported PEM label '{label}'.");
        }
    }

    // Host calls run outside V8's deadline, so a key too large to sign with in reasonable time is refused.
    private const int MaxRsaBits = 8192;

    private static AsymmetricAlgorithm Imported(AsymmetricAlgorithm key, string pem)
    {
        try
        {
            key.ImportFromPem(pem);
            if (key is RSA && key.KeySize > MaxRsaBits)
                throw new ArgumentException($"RSA keys above {MaxRsaBits} bits are not supported.");
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static AsymmetricAlgorithm FromJwk(string json, out bool isPrivate)
    {
        var jwk = JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("The JWK must be an object.");
        byte[]? Part(string name) => jwk[name]?.GetValue<string>() is { } value ? Base64UrlDecode(value) : null;
        byte[] Required(string name) => Part(name) ?? throw new ArgumentException($"The JWK has no '{name}'.");
        isPrivate = jwk["d"] is not null;
        switch (jwk["kty"]?.GetValue<string>())
        {
            case "RSA":
                var modulus = Required("n");
                if (modulus.Length * 8 > MaxRsaBits)
                    throw new ArgumentException($"RSA keys above {MaxRsaBits} bits are not supported.");
                var rsa = RSA.Create();
                rsa.ImportParameters(new RSAParameters
                {
                    Modulus = modulus, Exponent = Required("e"),
                    D = Part("d"), P = Part("p"), Q = Part("q"), DP = Part("dp"), DQ = Part("dq"), InverseQ = Part("qi"),
                });
                return rsa;
            case "EC":
                var curve = jwk["crv"]?.GetValue<string>() switch
                {
                    "P-256" => ECCurve.NamedCurves.nistP256,
                    "P-384" => ECCurve.NamedCurves.nistP384,
                    "P-521" => ECCurve.NamedCurves.nistP521,
                    var other => throw new ArgumentException($"Unsupported JWK curve '{other}'."),
                };
                var ec = ECDsa.Create();
                ec.ImportParameters(new ECParameters { Curve = curve, Q = new ECPoint { X = Required("x"), Y = Required("y") }, D = Part("d") });
                return ec;
            case var kty:
                throw new ArgumentException($"Unsupported JWK key type '{kty}'.");
        }
    }

    private static byte[] Base64UrlDecode(string value) => System.Buffers.Text.Base64Url.DecodeFromChars(value);

    // Node's names for the curves.
    private static string CurveName(ECDsa ec) => ec.ExportParameters(false).Curve.Oid.Value switch
    {
        "1.2.840.10045.3.1.7" => "prime256v1",
        "1.3.132.0.34" => "secp384r1",
        "1.3.132.0.35" => "secp521r1",
        "1.3.132.0.10" => "secp256k1",
        var oid => oid ?? "unknown",
    };

    // 'RSA-SHA256', 'sha256', 'SHA-256', 'ecdsa-with-SHA256' → SHA-256.
    private static HashAlgorithmName Hash(string algorithm)
    {
        var name = algorithm.ToLowerInvariant().Replace("rsa-", "").Replace("ecdsa-with-", "").Replace("-", "");
        return name switch
        {
            "sha1" => HashAlgorithmName.SHA1,
            "sha256" => HashAlgorithmName.SHA256,
            "sha384" => HashAlgorithmName.SHA384,
            "sha512" => HashAlgorithmName.SHA512,
            _ => throw new ArgumentException($"Invalid digest: {algorithm}"),
        };
    }
}
