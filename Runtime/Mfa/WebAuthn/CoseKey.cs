using System.Formats.Cbor;
using System.Security.Cryptography;

namespace Flowgate.Runtime.Mfa.WebAuthn;

/// <summary>A credential public key in COSE form (RFC 9053): ES256 (P-256) or RS256, the two algorithms offered at registration.</summary>
internal sealed class CoseKey
{
    public const int ES256 = -7;
    public const int RS256 = -257;

    private CoseKey(int algorithm, ECParameters? ec, RSAParameters? rsa) => (Algorithm, _ec, _rsa) = (algorithm, ec, rsa);

    private readonly ECParameters? _ec;
    private readonly RSAParameters? _rsa;

    public int Algorithm { get; }

    public static CoseKey Parse(byte[] cose)
    {
        try
        {
            var reader = new CborReader(cose, CborConformanceMode.Lax);
            var fields = new Dictionary<long, object>();
            var count = reader.ReadStartMap() ?? throw new WebAuthnException(WebAuthnRefusal.Malformed, "The COSE key map has no length.");
            for (var i = 0; i < count; i++)
            {
                var label = reader.ReadInt64();
                fields[label] = reader.PeekState() switch
                {
                    CborReaderState.ByteString => reader.ReadByteString(),
                    CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => reader.ReadInt64(),
                    _ => SkipUnknown(reader),
                };
            }
            return FromFields(fields);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or InvalidCastException or KeyNotFoundException or CryptographicException)
        {
            throw new WebAuthnException(WebAuthnRefusal.Malformed, "The credential public key is not a valid COSE key.");
        }
    }

    /// <summary>Checks a signature made with this key (ES256 signatures are DER-encoded, as authenticators send them).</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (_ec is { } ec)
        {
            using var key = ECDsa.Create(ec);
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        using var rsa = RSA.Create(_rsa!.Value);
        return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static CoseKey FromFields(Dictionary<long, object> fields)
    {
        var (kty, alg) = ((long)fields[1], (long)fields[3]);
        if (kty == 2 && alg == ES256 && (long)fields[-1] == 1)
        {
            var ec = new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = (byte[])fields[-2], Y = (byte[])fields[-3] },
            };
            ec.Validate();
            return new CoseKey(ES256, ec, null);
        }
        if (kty == 3 && alg == RS256)
            return new CoseKey(RS256, null, new RSAParameters { Modulus = (byte[])fields[-1], Exponent = (byte[])fields[-2] });
        throw new WebAuthnException(WebAuthnRefusal.UnsupportedAlgorithm, $"The credential key (kty {kty}, alg {alg}) is neither ES256 nor RS256.");
    }

    private static object SkipUnknown(CborReader reader)
    {
        reader.SkipValue();
        return "";
    }
}
